package dev.verifier.shared.audit;

import java.util.Locale;

/** The security events every service reports, one vocabulary for the log lines and the {@code verifier.audit} topic. */
public enum AuditType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    REQUEST_THROTTLED,
    CONSENT_GIVEN,
    CONSENT_DENIED,
    CODE_ISSUED,
    /** authorize-service issued a device authorization (RFC 8628 §3.1) to a client. */
    DEVICE_AUTHORIZATION_ISSUED,
    /** a user approved or denied a device authorization on the /device page (outcome: the decision). */
    DEVICE_AUTHORIZATION_DECIDED,
    /** a wrong or expired user code was entered on the /device page. */
    DEVICE_USER_CODE_FAILED,
    /** authorize-service stored a pushed authorization request (RFC 9126) of an authenticated client. */
    AUTHORIZATION_REQUEST_PUSHED,
    /** authorize-service refused a request object (RFC 9101) or its {@code request_uri} at /authorize. */
    REQUEST_OBJECT_REFUSED,
    TOKENS_ISSUED,
    CLIENT_AUTH_FAILED,
    CODE_REUSE_DETECTED,
    REFRESH_REUSE_DETECTED,
    GRANT_FAMILY_REVOKED,
    CLIENT_REGISTERED,
    CLIENT_CHANGED,
    CLIENT_DELETED,
    SECRET_ROTATED,
    API_REGISTERED,
    API_CHANGED,
    API_DELETED,
    KEY_ROTATED,
    ADMIN_ACTION,
    /** token-service refused a code-issued record (unauthenticated, malformed, oversized) and dead-lettered it. */
    CODE_EVENT_REFUSED,
    /** token-service refused a device-grant record (unauthenticated, malformed, oversized) and dead-lettered it. */
    DEVICE_EVENT_REFUSED,
    SESSION_ENDED,
    BACKCHANNEL_LOGOUT_DELIVERED,
    BACKCHANNEL_LOGOUT_FAILED;

    /** The wire name: {@code tokens_issued}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
