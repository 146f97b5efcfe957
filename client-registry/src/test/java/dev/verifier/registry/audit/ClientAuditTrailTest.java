package dev.verifier.registry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestClients;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.shared.runtime.observability.RequestContextFilter;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin API's changes (register, replace, rotate the secret, delete) and its listing reach the
 * {@code verifier.audit} topic of the real broker, with the admin as actor and without any client secret.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAuditTrailTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void clientLifecycleAndAdminListingAreAuditedWithoutSecrets() throws Exception {
        RegistryHttp http = new RegistryHttp(server);
        String admin = TestTokens.admin();
        Answer created = http.post("/clients", admin, TestClients.confidentialBasic());
        assertEquals(201, created.status(), created.body().toString());
        String id = created.string("client_id");
        assertEquals(200, http.put("/clients/" + id, admin, TestClients.confidentialBasic()).status());
        Answer rotated = http.post("/clients/" + id + "/secret", admin, "");
        assertEquals(200, rotated.status(), rotated.body().toString());
        Answer listed = http.get("/clients?page=0&size=37", admin);
        assertEquals(200, listed.status());
        assertNotNull(listed.header(RequestContextFilter.HEADER), "request id echoed");
        assertEquals(204, http.delete("/clients/" + id, admin).status());
        List<String> secrets = List.of(created.string("client_secret"), rotated.string("client_secret"), admin);

        List<String> expected = List.of("client_registered " + id, "client_changed " + id, "secret_rotated " + id,
                "client_deleted " + id, "admin_action list_clients");
        List<String> raw = AuditTopicReader.read(SharedKafka.bootstrapServers(),
                v -> v.contains(id) || v.contains("\"size\":\"37\""),
                found -> summaries(found).containsAll(expected), Duration.ofSeconds(30));

        assertTrue(summaries(raw).containsAll(expected), summaries(raw).toString());
        for (String record : raw) {
            Map<?, ?> event = json.readValue(record, Map.class);
            assertEquals("test-admin", event.get("actor"), record);
            assertEquals("client-registry", event.get("service"), record);
            assertEquals("127.0.0.1", event.get("source_address"), record);
            assertNotNull(event.get("trace_id"), record);
            for (String secret : secrets) {
                assertFalse(record.contains(secret), "audit record carries a secret: " + record);
            }
        }
    }

    private List<String> summaries(List<String> records) {
        return records.stream().map(record -> {
            try {
                Map<?, ?> event = json.readValue(record, Map.class);
                Object action = event.get("details") instanceof Map<?, ?> details ? details.get("action") : null;
                return event.get("type") + " " + (action != null ? action : event.get("client_id"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
