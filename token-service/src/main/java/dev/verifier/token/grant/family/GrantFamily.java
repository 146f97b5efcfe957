package dev.verifier.token.grant.family;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Everything issued from one authorization code: its refresh tokens and access tokens are revoked together.
 * {@code storedGrant} is the grant's own record ({@link StoredGrant}: acr, amr and the released claims for the ID
 * tokens of later refreshes, JSON written and read by {@link StoredGrants}; null for families of the release before
 * V80). {@code claims} is the code-issued event (JSON) the grant came from, read only for a family without
 * {@code storedGrant} and written for the previous release's copies during an upgrade. {@code sessionId} is the SSO
 * session's {@code sid} the code was issued in (null for families from before sids), to revoke by session and to
 * tell the client when the session ends.
 */
@MappedEntity("grant_family")
public record GrantFamily(
        @Id String id,
        String clientId,
        String subject,
        String scope,
        Instant authTime,
        String claims,
        Instant createdAt,
        Instant absoluteExpiresAt,
        @Nullable Instant revokedAt,
        @Nullable String sessionId,
        @Nullable String storedGrant) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
