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
 * tell the client when the session ends. {@code dpopJkt} (V100) is the DPoP key a public client's refresh tokens are
 * bound to (null: not bound).
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
        @Nullable String storedGrant,
        @Nullable String dpopJkt) {

    /** A family whose refresh tokens are not bound to a DPoP key. */
    public GrantFamily(String id, String clientId, String subject, String scope, Instant authTime, String claims,
                       Instant createdAt, Instant absoluteExpiresAt, @Nullable Instant revokedAt,
                       @Nullable String sessionId, @Nullable String storedGrant) {
        this(id, clientId, subject, scope, authTime, claims, createdAt, absoluteExpiresAt, revokedAt, sessionId,
                storedGrant, null);
    }

    /**
     * Whether a refresh with the DPoP key {@code jkt} (null: no proof) may use this family's refresh tokens: any
     * request when they are not bound ({@code dpop_jkt} null: a confidential client, or a public one that sent no
     * proof at the code exchange), else only a proof with that key (RFC 9449 §5).
     */
    public boolean admitsDpopKey(@Nullable String jkt) {
        return dpopJkt == null || dpopJkt.equals(jkt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
