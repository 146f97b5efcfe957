package dev.verifier.registry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Registering, changing and deleting an API reach the verifier.audit topic with the admin as actor, like clients. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuditTrailTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void apiLifecycleIsAudited() throws Exception {
        RegistryHttp http = new RegistryHttp(server);
        TestApis.Api api = TestApis.unique();
        String id = http.post("/apis", TestTokens.admin(), api.body()).string("id");
        assertEquals(200, http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.read())).status());
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status());

        List<String> expected = List.of("api_registered " + api.read() + " " + api.write(),
                "api_changed " + api.read(), "api_deleted ");
        List<String> raw = AuditTopicReader.read(SharedKafka.bootstrapServers(), v -> v.contains(id),
                found -> summaries(found).containsAll(expected), Duration.ofSeconds(30));

        assertTrue(summaries(raw).containsAll(expected), summaries(raw).toString());
        for (String record : raw) {
            Map<?, ?> event = json.readValue(record, Map.class);
            assertEquals("test-admin", event.get("actor"), record);
            assertEquals("client-registry", event.get("service"), record);
            Map<?, ?> details = (Map<?, ?>) event.get("details");
            assertEquals(id, details.get("api_id"), record);
        }
    }

    private List<String> summaries(List<String> records) {
        return records.stream().map(record -> {
            try {
                Map<?, ?> event = json.readValue(record, Map.class);
                Map<?, ?> details = (Map<?, ?>) event.get("details");
                Object scopes = details == null ? null : details.get("scopes");
                return event.get("type") + " " + (scopes == null ? "" : scopes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}
