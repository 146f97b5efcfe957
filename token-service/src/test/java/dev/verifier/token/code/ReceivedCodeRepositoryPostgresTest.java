package dev.verifier.token.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.testsupport.PostgresTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Flyway migrations run on a real PostgreSQL 15 and a received code round-trips there. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceivedCodeRepositoryPostgresTest implements PostgresTest {

    @Inject
    ReceivedCodeRepository codes;

    @Override
    public String databaseName() {
        return "token_repository_test";
    }

    @Test
    void receivedCodeRoundTripsThroughPostgres() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ReceivedCode saved = new ReceivedCode("hash-1", "client-1", "{\"schema_version\":1}",
                now, now.plusSeconds(60), now, null, null, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        codes.save(saved);

        assertEquals(saved, codes.findById("hash-1").orElseThrow());
    }

    @Test
    void insertIfAbsentAndConsumeAreAtomicOnPostgres() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertEquals(1, codes.insertIfAbsent("hash-2", "c", "{}", now, now.plusSeconds(60), now, null));
        assertEquals(0, codes.insertIfAbsent("hash-2", "c", "{\"other\":1}", now, now.plusSeconds(60), now, null));
        assertEquals("{}", codes.findById("hash-2").orElseThrow().event());

        assertEquals(1, codes.consume("hash-2", now, "family-1"));
        assertEquals(0, codes.consume("hash-2", now, "family-2"));
        assertEquals("family-1", codes.findById("hash-2").orElseThrow().familyId());
    }
}
