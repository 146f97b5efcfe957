package dev.verifier.shared.error;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds the HTTP answer for an {@link OAuthException}: status from the error, no-store, and WWW-Authenticate. */
public final class OAuthErrorResponses {

    private OAuthErrorResponses() {
    }

    public static MutableHttpResponse<ErrorBody> of(OAuthException e) {
        return of(e, false);
    }

    /** The answer to {@code request}: an {@code invalid_client} challenges Basic only when the client used Basic. */
    public static MutableHttpResponse<ErrorBody> of(OAuthException e, HttpRequest<?> request) {
        return of(e, usedBasic(request));
    }

    private static MutableHttpResponse<ErrorBody> of(OAuthException e, boolean usedBasic) {
        MutableHttpResponse<ErrorBody> response = HttpResponse.<ErrorBody>status(e.error().status()).body(e.body());
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        String challenge = challenge(e, usedBasic);
        if (challenge != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response;
    }

    /**
     * RFC 6750 §3 for bearer-token errors (§3.1: no error code when no token was sent); RFC 6749 §5.2 for client authentication failures: the Basic challenge only
     * when the client authenticated with the Authorization header (a client that used client_secret_post or a client
     * assertion gets a plain 401 {@code invalid_client}, which certified client libraries report as such).
     */
    private static String challenge(OAuthException e, boolean usedBasic) {
        return switch (e.error()) {
            case INVALID_TOKEN, INSUFFICIENT_SCOPE ->
                    "Bearer error=\"" + e.error().code() + "\", error_description=\"" + quoted(e.description()) + "\"";
            // RFC 9449 §7.1: a resource server refusing a DPoP request challenges with the DPoP scheme
            case RESOURCE_INVALID_DPOP_PROOF, RESOURCE_USE_DPOP_NONCE, INVALID_DPOP_TOKEN ->
                    "DPoP error=\"" + e.error().code() + "\", error_description=\"" + quoted(e.description()) + "\"";
            case INVALID_CLIENT -> usedBasic ? "Basic realm=\"verifier\"" : null;
            case BEARER_TOKEN_MISSING -> "Bearer";
            default -> e.error().status() == HttpStatus.UNAUTHORIZED ? "Bearer" : null;
        };
    }

    private static boolean usedBasic(HttpRequest<?> request) {
        String authorization = request == null ? null : request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static String quoted(String text) {
        return text == null ? "" : text.replace("\\", "").replace("\"", "'");
    }
}
