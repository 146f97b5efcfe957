package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.testsupport.PostgresTest;
import dev.verifier.testsupport.ServiceHealthContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Flyway migrations run on a real PostgreSQL 15 and the repository round-trips a client there. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRepositoryPostgresTest implements PostgresTest, ServiceHealthContract {

    @Inject
    EmbeddedServer server;
    @Inject
    ClientRepository clients;

    @Override
    public String databaseName() {
        return "registry_repository_test";
    }

    @Override
    public EmbeddedServer server() {
        return server;
    }

    @Test
    void clientRoundTripsThroughPostgres() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ClientRecord saved = new ClientRecord("pg-client", "{\"client_name\":\"PG\"}", "client_secret_jwt",
                null, "ciphertext", "k1", true, now, now);
        clients.save(saved);

        ClientRecord found = clients.findById("pg-client").orElseThrow();
        assertEquals(saved, found);
        assertTrue(server.getApplicationContext().getProperty("datasources.default.url", String.class)
                .orElseThrow().startsWith("jdbc:postgresql:"), "the context really uses PostgreSQL");
    }
}
