package dev.verifier.authorize.user;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An end user as stored: a stable subject, the password's KDF hash (never the password) and the OIDC claims. */
@MappedEntity("app_user")
public record UserRecord(
        @Id String username,
        String subject,
        String passwordHash,
        String claims,
        Instant createdAt,
        Instant updatedAt) {
}
