package dev.verifier.registry.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestClients;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.ClientChanged.Change;
import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

        List<ConsumerRecord<String, String>> records = read(id, 4);
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
        List<ConsumerRecord<String, String>> all = read(null, 0);
        assertTrue(all.stream().anyMatch(r -> r.key().equals(id)), "the accepted registration was published");
        assertTrue(all.stream().noneMatch(r -> r.value().contains(marker)));
    }

    /** Reads the topic from the beginning until {@code expected} events for {@code clientId} arrived (or 10 s). */
    private List<ConsumerRecord<String, String>> read(String clientId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CLIENT_CHANGED));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (clientId == null || clientId.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (clientId != null ? found.size() >= expected : !found.isEmpty() && consumer.assignment().size() > 0
                        && consumer.endOffsets(consumer.assignment()).entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
            }
        }
        return found;
    }
}
