package dev.verifier.registry.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestClients;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.registry.support.TopicRecords;
import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.ClientChanged.Change;
import dev.verifier.shared.event.Topics;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every committed change to a client is published as ClientChanged (key client_id) on the real broker. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientChangedEventsTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void createUpdateRotateAndDeleteArePublishedInOrderKeyedByClientId() throws Exception {
        RegistryHttp http = new RegistryHttp(server);
        String admin = TestTokens.admin();
        String id = http.post("/clients", admin, TestClients.confidentialBasic()).string("client_id");
        assertEquals(200, http.put("/clients/" + id, admin, TestClients.confidentialBasic().replace("Web app", "New")).status());
        assertEquals(200, http.post("/clients/" + id + "/secret", admin, null).status());
        assertEquals(204, http.delete("/clients/" + id, admin).status());

        List<ConsumerRecord<String, String>> records = TopicRecords.read(Topics.CLIENT_CHANGED, id, 4);
        List<Change> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(id, record.key());
            ClientChanged event = json.readValue(record.value(), ClientChanged.class);
            assertEquals(id, event.clientId());
            assertEquals(ClientChanged.SCHEMA_VERSION, event.schemaVersion());
            assertTrue(!record.value().contains("sha256:"), "events carry no secret material");
            changes.add(event.change());
        }
        assertEquals(List.of(Change.CREATED, Change.UPDATED, Change.SECRET_ROTATED, Change.DELETED), changes);
    }

    @Test
    void refusedRegistrationPublishesNothing() throws Exception {
        RegistryHttp http = new RegistryHttp(server);
        String marker = "Refused " + UUID.randomUUID();
        assertEquals(400, http.post("/clients", TestTokens.admin(),
                "{\"client_name\": \"" + marker + "\", \"redirect_uris\": [\"http://bad.example/cb\"]}").status());
        String id = http.post("/clients", TestTokens.admin(), TestClients.publicSpa()).string("client_id");
        List<ConsumerRecord<String, String>> all = TopicRecords.read(Topics.CLIENT_CHANGED, null, 0);
        assertTrue(all.stream().anyMatch(r -> r.key().equals(id)), "the accepted registration was published");
        assertTrue(all.stream().noneMatch(r -> r.value().contains(marker)));
    }
}
