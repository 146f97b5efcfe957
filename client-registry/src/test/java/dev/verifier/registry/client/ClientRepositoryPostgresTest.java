package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.verifier.registry.jwks.JwksCacheEntry;
import dev.verifier.registry.jwks.JwksCacheRepository;
import dev.verifier.testsupport.PostgresTest;
import dev.verifier.testsupport.ServiceHealthContract;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Flyway migrations run on a real PostgreSQL 15 and the registry's repositories work there. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRepositoryPostgresTest implements PostgresTest, ServiceHealthContract {

    @Inject
    EmbeddedServer server;
    @Inject
    ClientRepository clients;
    @Inject
    JwksCacheRepository jwksCache;

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

    @Test
    void insertIfAbsentInsertsOnceAndKeepsTheFirstRow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertEquals(1, clients.insertIfAbsent("pg-seeded", "{}", "client_secret_basic", "sha256:a", null, null,
                true, now, now));
        assertEquals(0, clients.insertIfAbsent("pg-seeded", "{}", "client_secret_basic", "sha256:b", null, null,
                true, now, now));
        assertEquals("sha256:a", clients.findById("pg-seeded").orElseThrow().secretHash());
    }

    @Test
    void lockByIdReadsTheRowForUpdate() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ClientRecord saved = clients.save(new ClientRecord("pg-locked", "{}", "client_secret_post", "sha256:x", null,
                null, false, now, now));
        assertEquals(saved, clients.lockById("pg-locked").orElseThrow());
        assertTrue(clients.lockById("pg-missing").isEmpty());
    }

    @Test
    void clientsArePagedInRegistrationOrder() {
        Instant base = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            clients.save(new ClientRecord("pg-page-" + i, "{}", "none", null, null, null, false,
                    base.plusSeconds(i), base.plusSeconds(i)));
        }
        List<String> ids = clients.findAll(Pageable.from(0, 2, Sort.of(Sort.Order.asc("createdAt"),
                Sort.Order.asc("clientId")))).getContent().stream().map(ClientRecord::clientId).toList();
        assertEquals(List.of("pg-page-0", "pg-page-1"), ids);
    }

    @Test
    void jwksCacheEntryRoundTripsAndUpdates() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JwksCacheEntry entry = new JwksCacheEntry("pg-jwks", "https://a.example/jwks", "{\"keys\":[]}", now,
                now.plusSeconds(300), now, null);
        jwksCache.save(entry);
        assertEquals(entry, jwksCache.findById("pg-jwks").orElseThrow());
        JwksCacheEntry failed = new JwksCacheEntry("pg-jwks", entry.jwksUri(), entry.jwks(), entry.fetchedAt(),
                entry.expiresAt(), now.plusSeconds(60), "the JWKS origin answered HTTP 500");
        jwksCache.update(failed);
        assertEquals(failed, jwksCache.findById("pg-jwks").orElseThrow());
    }
}
