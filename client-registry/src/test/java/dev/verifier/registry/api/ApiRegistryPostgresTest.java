package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.Concurrently;
import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryPostgresTest;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.registry.support.TopicRecords;
import dev.verifier.shared.event.Topics;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API registry on a real PostgreSQL 15 (migrations V60, V61, the locking reads, the text match on client
 * metadata, the unique index and primary key under concurrent writers, the ApiChanged outbox), over real HTTP.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRegistryPostgresTest implements RegistryPostgresTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @Override
    public String databaseName() {
        return "registry_api_test";
    }

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
        assertTrue(server.getApplicationContext().getProperty("datasources.default.url", String.class)
                .orElseThrow().startsWith("jdbc:postgresql:"), "the context really uses PostgreSQL");
    }

    @Test
    void apiLifecycleWithAClientHoldingItsScope() {
        TestApis.Api api = TestApis.unique();
        Answer created = http.post("/apis", TestTokens.admin(), api.body());
        assertEquals(201, created.status(), created.body().toString());
        String id = created.string("id");
        assertEquals(created.body(), http.get("/apis/" + id, TestTokens.reader()).body());
        assertEquals(id, lookup("/apis?scope=" + api.write()));
        assertEquals(id, lookup("/apis?identifier=" + api.identifier()));

        Answer client = http.post("/clients", TestTokens.admin(), TestApis.clientWithScope("openid " + api.read()));
        assertEquals(201, client.status(), client.body().toString());
        String clientId = client.string("client_id");
        assertEquals(400, http.post("/clients", TestTokens.admin(), TestApis.clientWithScope(api.read() + ".x")).status());

        Answer removal = http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.write()));
        assertEquals(400, removal.status());
        assertTrue(removal.description().contains("(" + clientId + ")"), removal.description());
        Answer deletion = http.delete("/apis/" + id, TestTokens.admin());
        assertEquals(400, deletion.status());
        assertTrue(deletion.description().contains("(" + clientId + ")"), deletion.description());

        Answer narrowed = http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.read()));
        assertEquals(200, narrowed.status(), narrowed.body().toString());
        assertEquals(created.body().get("created_at"), narrowed.body().get("created_at"));
        assertEquals(204, http.delete("/clients/" + clientId, TestTokens.admin()).status());
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status());
        assertEquals(3, TopicRecords.read(Topics.API_CHANGED, id, 3).size(), "created, updated, deleted");
    }

    @Test
    void concurrentRegistrationsOfOneIdentifierGiveOneApiAndNoServerError() throws Exception {
        TestApis.Api api = TestApis.unique();
        List<Integer> statuses = Concurrently.run(8, i -> http.post("/apis", TestTokens.admin(),
                TestApis.body(api.identifier(), api.read() + "." + i)).status());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    }

    @Test
    void concurrentRegistrationsOfOneScopeGiveItToOneApiAndNoServerError() throws Exception {
        String scope = TestApis.unique().read();
        List<Integer> statuses = Concurrently.run(8, i -> http.post("/apis", TestTokens.admin(),
                TestApis.body(TestApis.unique().identifier(), scope)).status());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    }

    @SuppressWarnings("unchecked")
    private String lookup(String path) {
        Answer answer = http.get(path, TestTokens.reader());
        assertEquals(200, answer.status(), answer.body().toString());
        return (String) ((List<Map<String, Object>>) answer.body().get("apis")).get(0).get("id");
    }
}
