package dev.verifier.shared.error;

/**
 * The one error type of Verifier: an {@link OAuthError} and a description that is safe to show to the caller.
 * Rendered in one place ({@link OAuthErrorResponses}).
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;

    public OAuthException(OAuthError error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public OAuthException(OAuthError error, String description, Throwable cause) {
        super(description, cause, false, false);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public ErrorBody body() {
        return new ErrorBody(error.code(), description());
    }
}
