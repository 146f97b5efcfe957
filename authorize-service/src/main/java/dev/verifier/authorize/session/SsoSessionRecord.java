package dev.verifier.authorize.session;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A stored SSO session, keyed by the SHA-256 of its cookie value. */
@MappedEntity("sso_session")
public record SsoSessionRecord(
        @Id String idHash,
        String username,
        String subject,
        Instant authTime,
        Instant lastSeenAt,
        Instant expiresAt) {
}
