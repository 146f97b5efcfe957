package dev.verifier.token.grant.family;

import java.time.Instant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface GrantFamilyRepository extends CrudRepository<GrantFamily, String> {

    @Query("UPDATE grant_family SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(String id, Instant now);

    @Query("INSERT INTO family_access_token (jti, family_id, expires_at) VALUES (:jti, :familyId, :expiresAt)")
    int addAccessToken(String jti, String familyId, Instant expiresAt);

    /** Puts every access token of the family that expires after {@code after} on the revocation list. */
    @Query("INSERT INTO revoked_access_token (jti, expires_at) SELECT jti, expires_at FROM family_access_token "
            + "WHERE family_id = :familyId AND expires_at > :after ON CONFLICT DO NOTHING")
    int revokeAccessTokens(String familyId, Instant after);

    /** Forgets the family's access tokens that expired before {@code before} (revoking them would change nothing). */
    @Query("DELETE FROM family_access_token WHERE expires_at < :before")
    int purgeAccessTokens(Instant before);

    /** The subject's families that are neither revoked nor past their absolute lifetime. */
    @Query("SELECT * FROM grant_family WHERE subject = :subject AND revoked_at IS NULL AND absolute_expires_at > :now")
    java.util.List<GrantFamily> findLive(String subject, Instant now);

    @Query("DELETE FROM grant_family WHERE absolute_expires_at < :now")
    int purge(Instant now);
}
