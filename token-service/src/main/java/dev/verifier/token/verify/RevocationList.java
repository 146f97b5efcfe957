package dev.verifier.token.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Revoked access tokens by {@code jti}, kept until no validator accepts them any more: their expiry plus the
 * access-token clock skew ({@code verifier.resource-server.clock-skew}, which token-service's own bearer checks allow
 * too, see {@link #acceptedIfExpiredAfter}); introspection consults it. The check
 * ({@link #isRevoked}) is one JDBC query on a connection of its own from the pool (never a transaction's: nothing that
 * checks a token writes revocations in the same transaction): it runs for every token introspected, and a
 * repository's read sets up and resets a read-only connection around the same query (H2 answers the read-only flag
 * with a query of its own), half of the check's time (docs/performance.md).
 */
@Singleton
public class RevocationList {

    private static final String IS_REVOKED = "SELECT 1 FROM revoked_access_token WHERE jti = ?";

    private final RevokedAccessTokens revoked;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration validatorSkew;

    RevocationList(RevokedAccessTokens revoked, DataSource dataSource, Clock clock,
                   ResourceServerConfiguration accessTokens) {
        this.revoked = revoked;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
        this.validatorSkew = accessTokens.boundedClockSkew();
    }

    /**
     * A token that expired after this instant may still be accepted by a validator allowing the access-token clock
     * skew, so revoking it still matters; one that expired before it is refused everywhere anyway.
     */
    public Instant acceptedIfExpiredAfter() {
        return clock.instant().minus(validatorSkew);
    }

    @Transactional
    public void revoke(String jti, Instant expiresAt) {
        revoked.insertIfAbsent(jti, expiresAt);
    }

    /** One read on its own connection: no transaction to begin and end for every token checked. */
    public boolean isRevoked(String jti) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(IS_REVOKED)) {
            query.setString(1, jti);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the revoked access tokens", e);
        }
    }

    @Transactional
    public int purgeExpired() {
        return revoked.deleteExpired(acceptedIfExpiredAfter());
    }

    @MappedEntity("revoked_access_token")
    record RevokedAccessToken(@Id String jti, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface RevokedAccessTokens extends GenericRepository<RevokedAccessToken, String> {

        @Query("INSERT INTO revoked_access_token (jti, expires_at) VALUES (:jti, :expiresAt) ON CONFLICT DO NOTHING")
        int insertIfAbsent(String jti, Instant expiresAt);

        @Query("DELETE FROM revoked_access_token WHERE expires_at < :before")
        int deleteExpired(Instant before);
    }
}
