package dev.verifier.authorize.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.testsupport.PostgresTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Flyway migrations run on a real PostgreSQL 15 and a user round-trips there. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserRepositoryPostgresTest implements PostgresTest {

    @Inject
    UserRepository users;

    @Override
    public String databaseName() {
        return "authorize_repository_test";
    }

    @Test
    void userRoundTripsThroughPostgres() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UserRecord saved = new UserRecord("alice", "sub-1", "$pbkdf2$...", "{\"name\":\"Alice\"}", now, now, now);
        users.save(saved);

        assertEquals(saved, users.findById("alice").orElseThrow());
    }

    @Test
    void rowWithoutProfileUpdatedAtAsThePreviousReleaseWroteItReadsCreatedAt() {
        Instant created = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MICROS);
        users.save(new UserRecord("bob", "sub-2", "$pbkdf2$...", "{}", created, Instant.now(), null));

        assertEquals(created, users.findById("bob").orElseThrow().claimsUpdatedAt());
    }
}
