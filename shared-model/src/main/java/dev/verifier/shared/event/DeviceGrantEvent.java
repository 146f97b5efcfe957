package dev.verifier.shared.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Published by authorize-service on {@link Topics#DEVICE_GRANT} (key: {@code deviceCodeHash}), sealed like the
 * code-issued events ({@link CodeEventSeal#forTopic}), consumed by token-service: once with {@link Status#PENDING}
 * when a device authorization (RFC 8628 §3.1) is issued, once more with the user's decision ({@link Status#APPROVED}
 * with the {@link Approval}, or {@link Status#DENIED}). Every event is complete (client, scope, expiry, interval), so
 * token-service can store whichever arrives first. Carries the SHA-256 of the device code, never the device code or
 * the user code.
 *
 * @param interval  the polling interval in seconds answered to the device
 * @param resources the RFC 8707 resources granted (identifiers of registered APIs), empty when none were named and
 *                  no API scope was asked
 * @param approval  who approved and the claims released for the ID token; only with {@link Status#APPROVED}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record DeviceGrantEvent(
        int schemaVersion,
        String deviceCodeHash,
        String clientId,
        Status status,
        String scope,
        @Nullable List<String> resources,
        int interval,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Approval approval) {

    public static final int SCHEMA_VERSION = 1;
    /** The largest record value accepted on {@link Topics#DEVICE_GRANT} (sealed form). */
    public static final int MAX_RECORD_BYTES = CodeEventLimits.MAX_RECORD_BYTES;

    public DeviceGrantEvent {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** The state of a device authorization: waiting for the user, or the user's decision. */
    @Serdeable
    public enum Status { PENDING, APPROVED, DENIED }

    /** The user's approval: the grant's authentication context and released claims (as in {@link CodeIssued}). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Approval(String subject, Instant authTime, @Nullable String acr, List<String> amr,
                           @Nullable String sessionId, Map<String, Object> claims) {

        public Approval {
            amr = amr == null ? List.of() : List.copyOf(amr);
            claims = claims == null ? Map.of() : Map.copyOf(claims);
        }
    }

    /** This event with the user's decision. */
    public DeviceGrantEvent decided(Status decision, @Nullable Approval by) {
        return new DeviceGrantEvent(schemaVersion, deviceCodeHash, clientId, decision, scope, resources, interval,
                issuedAt, expiresAt, by);
    }

    /** The first problem of this event read under record key {@code recordKey}, or empty when it is acceptable. */
    public Optional<String> problem(@Nullable String recordKey) {
        if (deviceCodeHash == null || !deviceCodeHash.equals(recordKey) || deviceCodeHash.length() > 64) {
            return Optional.of("device_code_hash does not match the record key");
        }
        if (schemaVersion != SCHEMA_VERSION) {
            return Optional.of("unexpected schema_version");
        }
        if (clientId == null || clientId.length() > 128 || scope == null || scope.length() > 2048
                || status == null || issuedAt == null || expiresAt == null) {
            return Optional.of("client_id, scope, status, issued_at and expires_at are required and bounded");
        }
        if (interval < 1 || interval > 3600 || resources.size() > 10
                || resources.stream().anyMatch(r -> r == null || r.length() > 2048)) {
            return Optional.of("interval or resources out of bounds");
        }
        if ((status == Status.APPROVED) != (approval != null)) {
            return Optional.of("an approval comes with status APPROVED and only then");
        }
        if (approval != null && (approval.subject() == null || approval.subject().length() > 255
                || approval.authTime() == null || approval.amr().size() > 10
                || (approval.sessionId() != null && approval.sessionId().length() > 128)
                || (approval.acr() != null && approval.acr().length() > 255))) {
            return Optional.of("approval fields missing or out of bounds");
        }
        return Optional.empty();
    }
}
