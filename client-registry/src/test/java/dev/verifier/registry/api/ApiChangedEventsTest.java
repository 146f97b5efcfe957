package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.registry.support.TopicRecords;
import dev.verifier.shared.event.ApiChanged;
import dev.verifier.shared.event.ApiChanged.Change;
import dev.verifier.shared.event.Topics;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every committed change to an API is published as ApiChanged (key: the API's id) on the real broker. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiChangedEventsTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void createUpdateAndDeleteArePublishedInOrderKeyedByApiId() throws Exception {
        RegistryHttp http = new RegistryHttp(server);
        TestApis.Api api = TestApis.unique();
        String id = http.post("/apis", TestTokens.admin(), api.body()).string("id");
        assertEquals(200, http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.read())).status());
        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status());

        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicRecords.read(Topics.API_CHANGED, id, 3)) {
            ApiChanged event = json.readValue(record.value(), ApiChanged.class);
            assertEquals(id, event.apiId());
            assertEquals(ApiChanged.SCHEMA_VERSION, event.schemaVersion());
            changes.add(event.change());
        }
        assertEquals(List.of(Change.CREATED, Change.UPDATED, Change.DELETED), changes);
    }

    @Test
    void refusedChangesPublishNothing() {
        RegistryHttp http = new RegistryHttp(server);
        TestApis.Api api = TestApis.unique();
        String id = http.post("/apis", TestTokens.admin(), api.body()).string("id");
        assertEquals(201, http.post("/clients", TestTokens.admin(), TestApis.clientWithScope(api.read())).status());
        assertEquals(400, http.put("/apis/" + id, TestTokens.admin(), api.bodyWith(api.write())).status());
        assertEquals(400, http.delete("/apis/" + id, TestTokens.admin()).status());
        assertEquals(400, http.put("/apis/" + id, TestTokens.admin(), "{\"name\": \"no identifier\"}").status());

        List<ConsumerRecord<String, String>> records = TopicRecords.read(Topics.API_CHANGED, id, 2);
        assertEquals(1, records.size(), "only the registration: " + records);
        assertTrue(records.get(0).value().contains("CREATED"));
    }
}
