package dev.verifier.shared.error;

import io.micronaut.core.annotation.Nullable;

/**
 * The one error type of Verifier: an {@link OAuthError} and a description that is safe to show to the caller.
 * Rendered in one place ({@link OAuthErrorResponses}). Where the description deliberately does not say which check
 * failed (client authentication), a {@link #reason()} says it to the audit trail, never to the caller.
 */
public final class OAuthException extends RuntimeException {

    private final OAuthError error;
    private final @Nullable String reason;

    public OAuthException(OAuthError error, String description) {
        super(description, null, false, false);
        this.error = error;
        this.reason = null;
    }

    public OAuthException(OAuthError error, String description, Throwable cause) {
        super(description, cause, false, false);
        this.error = error;
        this.reason = null;
    }

    /** @param reason which check failed, for the audit trail only (a snake_case word such as {@code jti_reused}) */
    public OAuthException(OAuthError error, String description, String reason) {
        super(description, null, false, false);
        this.error = error;
        this.reason = reason;
    }

    /** Which check failed, when the description keeps it from the caller; otherwise null. */
    public @Nullable String reason() {
        return reason;
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
