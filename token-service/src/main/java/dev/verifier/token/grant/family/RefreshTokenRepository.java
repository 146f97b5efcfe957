package dev.verifier.token.grant.family;

import java.time.Instant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RefreshTokenRepository extends CrudRepository<RefreshToken, String> {

    /** Marks the token used; 1 for the one request that rotates it, 0 if another got there first. */
    @Query("UPDATE refresh_token SET rotated_at = :now WHERE token_hash = :tokenHash AND rotated_at IS NULL")
    int rotate(String tokenHash, Instant now);

    /** How many tokens of the family were rotated after {@code rotatedAt}: 0 when nothing followed that rotation. */
    @Query("SELECT COUNT(*) FROM refresh_token WHERE family_id = :familyId AND rotated_at > :rotatedAt")
    long countRotatedAfter(String familyId, Instant rotatedAt);

    /** Retires the family's live tokens (the successor of a retried refresh, whose answer was lost); their count. */
    @Query("UPDATE refresh_token SET rotated_at = :now WHERE family_id = :familyId AND rotated_at IS NULL")
    int retireLive(String familyId, Instant now);

    /** Slides the idle expiry of a token that is kept (confidential clients without rotation). */
    @Query("UPDATE refresh_token SET idle_expires_at = :idleExpiresAt WHERE token_hash = :tokenHash "
            + "AND rotated_at IS NULL")
    int touch(String tokenHash, Instant idleExpiresAt);
}
