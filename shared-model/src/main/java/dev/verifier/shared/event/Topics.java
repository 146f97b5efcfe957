package dev.verifier.shared.event;

/** The Kafka topics of the contract (ARCHITECTURE.md). */
public final class Topics {

    public static final String CODE_ISSUED = "verifier.code-issued";
    public static final String CLIENT_CHANGED = "verifier.client-changed";
    /** {@link ApiChanged}, client-registry → authorize-service, token-service, key: the API's id (compacted). */
    public static final String API_CHANGED = "verifier.api-changed";
    /** {@link SessionEnded}, authorize-service → token-service, key: subject. */
    public static final String SESSION_ENDED = "verifier.session-ended";
    /** {@link DeviceGrantEvent}, authorize-service → token-service, key: SHA-256 of the device code, sealed. */
    public static final String DEVICE_GRANT = "verifier.device-grant";
    /** Security events for SIEMs ({@code dev.verifier.shared.audit.AuditEvent}, key: client id or event type). */
    public static final String AUDIT = "verifier.audit";
    /** Records a consumer refused (malformed, oversized, unauthenticated), copied as they were with a reason header. */
    public static final String DEAD_LETTER = "verifier.dead-letter";

    private Topics() {
    }
}
