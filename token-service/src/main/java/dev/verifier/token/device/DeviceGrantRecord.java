package dev.verifier.token.device;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A device authorization as token-service keeps it (V105), keyed by the device code's hash. */
@MappedEntity("device_grant")
public record DeviceGrantRecord(@Id String deviceCodeHash, String clientId, String status, String event,
                                int intervalSeconds, Instant expiresAt, Instant receivedAt,
                                @Nullable Instant nextPollAt, @Nullable Instant redeemedAt) {

    /** {@code status} after the device redeemed the approval. */
    public static final String REDEEMED = "REDEEMED";
}
