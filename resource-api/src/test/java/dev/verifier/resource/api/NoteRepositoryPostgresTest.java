package dev.verifier.resource.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.verifier.testsupport.PostgresTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Flyway migrations run on a real PostgreSQL 15 and a note round-trips there with a generated id. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoteRepositoryPostgresTest implements PostgresTest {

    @Inject
    NoteRepository notes;

    @Override
    public String databaseName() {
        return "resource_repository_test";
    }

    @Test
    void noteRoundTripsThroughPostgres() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Note saved = notes.save(new Note(null, "sub-1", "hello", now));

        assertNotNull(saved.id());
        assertEquals(List.of(saved), notes.findByOwner("sub-1"));
    }
}
