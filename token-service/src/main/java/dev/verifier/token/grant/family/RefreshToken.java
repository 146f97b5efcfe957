package dev.verifier.token.grant.family;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A refresh token, stored by its SHA-256 only. {@code rotatedAt} set: it was used and replaced. */
@MappedEntity("refresh_token")
public record RefreshToken(
        @Id String tokenHash,
        String familyId,
        String scope,
        Instant createdAt,
        Instant idleExpiresAt,
        @Nullable Instant rotatedAt) {
}
