package dev.verifier.shared.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds the HTTP answer for an {@link OAuthException}: status from the error, no-store, and WWW-Authenticate. */
public final class OAuthErrorResponses {

    private OAuthErrorResponses() {
    }

    public static MutableHttpResponse<ErrorBody> of(OAuthException e) {
        MutableHttpResponse<ErrorBody> response = HttpResponse.<ErrorBody>status(e.error().status()).body(e.body());
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        String challenge = challenge(e);
        if (challenge != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response;
    }

    /** RFC 6750 §3 for bearer-token errors, RFC 6749 §5.2 for client authentication failures. */
    private static String challenge(OAuthException e) {
        return switch (e.error()) {
            case INVALID_TOKEN, INSUFFICIENT_SCOPE ->
                    "Bearer error=\"" + e.error().code() + "\", error_description=\"" + quoted(e.description()) + "\"";
            case INVALID_CLIENT -> "Basic realm=\"verifier\"";
            default -> e.error().status() == HttpStatus.UNAUTHORIZED ? "Bearer" : null;
        };
    }

    private static String quoted(String text) {
        return text == null ? "" : text.replace("\\", "").replace("\"", "'");
    }
}
