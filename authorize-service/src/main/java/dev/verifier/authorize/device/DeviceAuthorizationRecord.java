package dev.verifier.authorize.device;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A device authorization as authorize-service keeps it for its user: keyed by the user code's hash, its device code's
 * hash, the client, scope and RFC 8707 resources (space-separated identifiers) asked, and the {@code status}
 * ({@code PENDING}, {@code APPROVED}, {@code DENIED}).
 */
@MappedEntity("device_authorization")
record DeviceAuthorizationRecord(@Id String userCodeHash, String deviceCodeHash, String clientId, String scope,
                                 String resources, int intervalSeconds, String status, Instant issuedAt,
                                 Instant expiresAt, @Nullable Instant decidedAt) {
}
