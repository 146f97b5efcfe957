package dev.verifier.authorize.clientauth;

import java.time.Clock;
import java.time.Instant;

import dev.verifier.shared.clientauth.JtiStore;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

/**
 * The jti single-use store of client assertions at /par, in this service's database so that a replay is caught by
 * whichever copy receives it: the insert of (client, jti) does nothing on a duplicate. Purged once expired.
 */
@Singleton
public class DatabaseJtiStore implements JtiStore {

    private final UsedJtis jtis;
    private final Clock clock = Clock.systemUTC();

    DatabaseJtiStore(UsedJtis jtis) {
        this.jtis = jtis;
    }

    @Override
    public boolean markUsed(String clientId, String jti, Instant expiresAt) {
        return jtis.insertIfAbsent(clientId, jti, expiresAt) == 1;
    }

    public int purgeExpired() {
        return jtis.deleteExpired(clock.instant());
    }

    /** A used jti (the primary key is (client_id, jti); the queries below are native). */
    @MappedEntity("client_assertion_jti")
    record UsedJti(@Id String jti, String clientId, Instant expiresAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface UsedJtis extends GenericRepository<UsedJti, String> {

        @Query("INSERT INTO client_assertion_jti (client_id, jti, expires_at) VALUES (:clientId, :jti, :expiresAt) "
                + "ON CONFLICT DO NOTHING")
        int insertIfAbsent(String clientId, String jti, Instant expiresAt);

        @Query("DELETE FROM client_assertion_jti WHERE expires_at < :now")
        int deleteExpired(Instant now);
    }
}
