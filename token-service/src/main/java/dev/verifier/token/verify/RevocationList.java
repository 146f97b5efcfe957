package dev.verifier.token.verify;

import java.time.Clock;
import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Revoked access tokens by {@code jti}, kept until they expire; introspection consults it. */
@Singleton
public class RevocationList {

    private final RevokedAccessTokens revoked;
    private final Clock clock;

    RevocationList(RevokedAccessTokens revoked, Clock clock) {
        this.revoked = revoked;
        this.clock = clock;
    }

    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        revoked.insertIfAbsent(jti, expiresAt);
    }

    /** One read on its own connection: no transaction to begin and end for every token checked. */
    public boolean isRevoked(String jti) {
        return revoked.existsByJti(jti);
    }

    @Transactional
    public int purgeExpired() {
        return revoked.deleteExpired(clock.instant());
    }

    @MappedEntity("revoked_access_token")
    record RevokedAccessToken(@Id String jti, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface RevokedAccessTokens extends GenericRepository<RevokedAccessToken, String> {

        @Query("INSERT INTO revoked_access_token (jti, expires_at) VALUES (:jti, :expiresAt) ON CONFLICT DO NOTHING")
        int insertIfAbsent(String jti, Instant expiresAt);

        boolean existsByJti(String jti);

        @Query("DELETE FROM revoked_access_token WHERE expires_at < :now")
        int deleteExpired(Instant now);
    }
}
