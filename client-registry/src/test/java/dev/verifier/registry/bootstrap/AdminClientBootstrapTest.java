package dev.verifier.registry.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.verifier.registry.client.ClientRecord;
import dev.verifier.registry.client.ClientRepository;
import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.event.ClientChanged.Change;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The bootstrap admin client is seeded from the environment, idempotently, even by several copies at once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminClientBootstrapTest implements RegistryTest {

    static final String ID = "bootstrap-admin";
    static final String SECRET = "a-bootstrap-secret-from-the-environment";

    @Inject
    EmbeddedServer server;
    @Inject
    AdminClientBootstrap bootstrap;
    @Inject
    ClientRepository clients;

    @Override
    public Map<String, String> extraProperties() {
        return Map.of("verifier.admin.client-id", ID, "verifier.admin.client-secret", SECRET);
    }

    @Test
    void adminClientIsSeededAtStartUpWithClientCredentialsAndAdminScopes() {
        Map<String, Object> client = new RegistryHttp(server).get("/clients/" + ID, TestTokens.reader()).body();
        assertTrue(ClientSecrets.matches(SECRET, (String) client.get("secret_hash")));
        assertEquals(true, client.get("first_party"));
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) client.get("metadata");
        assertEquals(List.of("client_credentials"), metadata.get("grant_types"));
        assertEquals("client_secret_basic", metadata.get("token_endpoint_auth_method"));
        assertEquals("registry.admin registry.read users.admin keys.admin jti.record", metadata.get("scope"));
    }

    @Test
    void seedingAgainChangesNothing() {
        ClientRecord before = clients.findById(ID).orElseThrow();
        assertNull(bootstrap.seed());
        assertEquals(before, clients.findById(ID).orElseThrow());
    }

    @Test
    void severalCopiesSeedingAtOnceAllSucceedAndOneCreates() throws Exception {
        clients.deleteById(ID);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Change>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit((Callable<Change>) bootstrap::seed));
            }
            List<Change> changes = new ArrayList<>();
            for (Future<Change> result : results) {
                changes.add(result.get());
            }
            assertEquals(1, changes.stream().filter(c -> c == Change.CREATED).count(), changes.toString());
            assertEquals(0, changes.stream().filter(Objects::nonNull).filter(c -> c != Change.CREATED).count(),
                    changes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(ClientSecrets.matches(SECRET, clients.findById(ID).orElseThrow().secretHash()));
    }

    @Test
    void aChangedSecretInTheEnvironmentReplacesTheStoredHash() {
        ClientRecord stored = clients.findById(ID).orElseThrow();
        clients.update(new ClientRecord(ID, stored.metadata(), stored.authMethod(), ClientSecrets.hash("old"), null,
                null, true, stored.createdAt(), stored.updatedAt()));
        assertEquals(Change.UPDATED, bootstrap.seed());
        assertTrue(ClientSecrets.matches(SECRET, clients.findById(ID).orElseThrow().secretHash()));
    }
}
