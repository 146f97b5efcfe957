package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.verifier.registry.api.ApiStore;
import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryPostgresTest;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On a real PostgreSQL 15, a client write and the removal of an API scope it uses never cross: whichever locks the
 * scope's row first wins, and the other sees its outcome (the API deletion sees the new client and is refused; the
 * client registration sees the scope gone and is refused).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeLocksPostgresTest implements RegistryPostgresTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ClientStore clients;
    @Inject
    ClientScopeRules scopeRules;
    @Inject
    ApiStore apis;
    RegistryHttp http;

    @Override
    public String databaseName() {
        return "registry_scope_locks_test";
    }

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    @Test
    void apiDeletionWaitsForAClientWriteHoldingItsScopeAndIsThenRefused() throws Exception {
        TestApis.Api api = TestApis.unique();
        String apiId = http.post("/apis", TestTokens.admin(), api.body()).string("id");
        String clientId = "locks-" + apiId;

        Answer answer = whileHeld(() -> {
            scopeRules.requireRegistered("openid " + api.read());
            Instant now = Instant.now();
            clients.insert(new ClientRecord(clientId, "{\"scope\":\"openid " + api.read() + "\"}", "none", null,
                    null, null, false, now, now));
        }, () -> http.delete("/apis/" + apiId, TestTokens.admin()));

        assertEquals(400, answer.status(), answer.body().toString());
        assertTrue(answer.description().contains("(" + clientId + ")"), answer.description());
    }

    @Test
    void clientRegistrationWaitsForAnApiDeletionAndIsThenRefused() throws Exception {
        TestApis.Api api = TestApis.unique();
        String apiId = http.post("/apis", TestTokens.admin(), api.body()).string("id");

        Answer answer = whileHeld(() -> apis.delete(apiId),
                () -> http.post("/clients", TestTokens.admin(), TestApis.clientWithScope(api.write())));

        assertEquals(400, answer.status(), answer.body().toString());
        assertTrue(answer.description().contains("no registered API defines: " + api.write()), answer.description());
    }

    /**
     * Runs {@code write} in a transaction kept open while {@code request} is sent; checks that the request waits for
     * a lock until the transaction commits, and answers what it answered then.
     */
    private Answer whileHeld(Runnable write, Supplier<Answer> request) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> transaction = CompletableFuture.runAsync(() -> clients.inTransaction(() -> {
            write.run();
            written.countDown();
            await(release);
            return null;
        }));
        assertTrue(written.await(10, TimeUnit.SECONDS));
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(request);
        assertTrue(aSessionWaitsForALock(), "the request waits for the open transaction");
        assertFalse(answer.isDone());
        release.countDown();
        transaction.get(10, TimeUnit.SECONDS);
        return answer.get(10, TimeUnit.SECONDS);
    }

    /** Whether, within 10 s, a session of this database waits for a row lock (seen from a connection of its own). */
    private boolean aSessionWaitsForALock() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = DriverManager.getConnection(property("url"), property("username"),
                    property("password"));
                 ResultSet waiting = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                         + "WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
                if (waiting.next() && waiting.getInt(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private String property(String name) {
        return server.getApplicationContext().getProperty("datasources.default." + name, String.class).orElse("");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
