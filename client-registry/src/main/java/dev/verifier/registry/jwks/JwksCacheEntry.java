package dev.verifier.registry.jwks;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A client's cached JWK set: the last good set (null until one was fetched) with its expiry, and when a fetch was last
 * attempted (successful or not), which bounds how often the origin is asked again.
 */
@MappedEntity("client_jwks")
public record JwksCacheEntry(
        @Id String clientId,
        String jwksUri,
        @Nullable String jwks,
        @Nullable Instant fetchedAt,
        @Nullable Instant expiresAt,
        Instant lastAttemptAt,
        @Nullable String lastError) {

    public boolean hasSet() {
        return jwks != null;
    }

    public boolean isFresh(Instant now) {
        return jwks != null && expiresAt != null && now.isBefore(expiresAt);
    }

    public boolean attemptedWithin(Instant now, java.time.Duration interval) {
        return now.isBefore(lastAttemptAt.plus(interval));
    }
}
