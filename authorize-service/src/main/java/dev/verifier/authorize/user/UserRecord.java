package dev.verifier.authorize.user;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * An end user as stored: a stable subject, the password's KDF hash (never the password) and the OIDC claims.
 * {@code updatedAt} changes with any change of the row (a new password too); {@code profileUpdatedAt} only with the
 * claims (the {@code updated_at} claim; null in rows written by a release before it: read as {@code createdAt}).
 */
@MappedEntity("app_user")
public record UserRecord(
        @Id String username,
        String subject,
        String passwordHash,
        String claims,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant profileUpdatedAt) {

    /** When the claims last changed ({@code updated_at}). */
    public Instant claimsUpdatedAt() {
        return profileUpdatedAt != null ? profileUpdatedAt : createdAt;
    }
}
