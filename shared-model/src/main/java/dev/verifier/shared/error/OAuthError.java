package dev.verifier.shared.error;

import io.micronaut.http.HttpStatus;

/**
 * The OAuth 2.x / OIDC / RFC 7591 error codes Verifier answers, each with the HTTP status it is sent with.
 * Call sites pick the code and add a description; the status is never chosen at the throw site.
 */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", HttpStatus.BAD_REQUEST),
    INVALID_CLIENT("invalid_client", HttpStatus.UNAUTHORIZED),
    INVALID_GRANT("invalid_grant", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED_CLIENT("unauthorized_client", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", HttpStatus.BAD_REQUEST),
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", HttpStatus.BAD_REQUEST),
    INVALID_SCOPE("invalid_scope", HttpStatus.BAD_REQUEST),
    // RFC 8707 §2: a resource indicator that is unknown, malformed or not allowed for the client
    INVALID_TARGET("invalid_target", HttpStatus.BAD_REQUEST),
    ACCESS_DENIED("access_denied", HttpStatus.FORBIDDEN),
    SERVER_ERROR("server_error", HttpStatus.INTERNAL_SERVER_ERROR),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    // a limit tripped (too many failures or waiters): the RFC code a client retries later, with 429
    TOO_MANY_REQUESTS("temporarily_unavailable", HttpStatus.TOO_MANY_REQUESTS),
    // RFC 6750 (bearer tokens at resource servers)
    INVALID_TOKEN("invalid_token", HttpStatus.UNAUTHORIZED),
    // RFC 6750 §3.1: a request without any token; the body says invalid_token, the challenge is a bare "Bearer"
    BEARER_TOKEN_MISSING("invalid_token", HttpStatus.UNAUTHORIZED),
    INSUFFICIENT_SCOPE("insufficient_scope", HttpStatus.FORBIDDEN),
    // OpenID Connect Core §3.1.2.6
    LOGIN_REQUIRED("login_required", HttpStatus.BAD_REQUEST),
    CONSENT_REQUIRED("consent_required", HttpStatus.BAD_REQUEST),
    INTERACTION_REQUIRED("interaction_required", HttpStatus.BAD_REQUEST),
    // RFC 8628 §3.5 (device authorization grant at /token): the RFC 6749 §5.2 shape, always 400
    AUTHORIZATION_PENDING("authorization_pending", HttpStatus.BAD_REQUEST),
    SLOW_DOWN("slow_down", HttpStatus.BAD_REQUEST),
    EXPIRED_TOKEN("expired_token", HttpStatus.BAD_REQUEST),
    DEVICE_ACCESS_DENIED("access_denied", HttpStatus.BAD_REQUEST),
    // RFC 9101 / RFC 9126
    INVALID_REQUEST_OBJECT("invalid_request_object", HttpStatus.BAD_REQUEST),
    INVALID_REQUEST_URI("invalid_request_uri", HttpStatus.BAD_REQUEST),
    REQUEST_NOT_SUPPORTED("request_not_supported", HttpStatus.BAD_REQUEST),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", HttpStatus.BAD_REQUEST),
    // RFC 9449 §7 (DPoP): at the authorization server a 400; at a resource server a 401 with a DPoP challenge
    INVALID_DPOP_PROOF("invalid_dpop_proof", HttpStatus.BAD_REQUEST),
    USE_DPOP_NONCE("use_dpop_nonce", HttpStatus.BAD_REQUEST),
    RESOURCE_INVALID_DPOP_PROOF("invalid_dpop_proof", HttpStatus.UNAUTHORIZED),
    RESOURCE_USE_DPOP_NONCE("use_dpop_nonce", HttpStatus.UNAUTHORIZED),
    // RFC 9449 §7.1: a DPoP-bound token refused at a resource server (challenge DPoP, not Bearer)
    INVALID_DPOP_TOKEN("invalid_token", HttpStatus.UNAUTHORIZED),
    // RFC 7591 §3.2.2
    INVALID_REDIRECT_URI("invalid_redirect_uri", HttpStatus.BAD_REQUEST),
    INVALID_CLIENT_METADATA("invalid_client_metadata", HttpStatus.BAD_REQUEST),
    // not an RFC code: the resource asked for does not exist (admin APIs)
    NOT_FOUND("not_found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED);

    private final String code;
    private final HttpStatus status;

    OAuthError(String code, HttpStatus status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public OAuthException exception(String description) {
        return new OAuthException(this, description);
    }
}
