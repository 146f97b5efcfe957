package dev.verifier.token.code;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A code-issued event as stored by token-service: keyed by the code's hash; consumed at most once. {@code familyId}
 * names what the exchange issued, to revoke it if the code is used again; {@code traceParent} is the trace context of
 * the event's handling, which the redemption joins.
 */
@MappedEntity("received_code")
public record ReceivedCode(
        @Id String codeHash,
        String clientId,
        String event,
        Instant issuedAt,
        Instant expiresAt,
        Instant receivedAt,
        @Nullable Instant consumedAt,
        @Nullable String familyId,
        @Nullable String traceParent) {
}
