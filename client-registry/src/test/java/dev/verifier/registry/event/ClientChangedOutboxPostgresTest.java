package dev.verifier.registry.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.verifier.registry.client.ClientStore;
import dev.verifier.registry.support.TopicRecords;
import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.ClientChanged.Change;
import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.PostgresTest;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ClientChanged outbox on a real PostgreSQL 15 and the real broker: an event belongs to the transaction of its
 * change, and one that could not be sent right after the commit (the broker was down then) is sent by the scheduled
 * run without anyone asking.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientChangedOutboxPostgresTest implements PostgresTest {

    @Inject
    ClientStore store;
    @Inject
    ClientEvents events;
    @Inject
    OutboxRepository outbox;
    @Inject
    JsonMapper json;

    @Override
    public String databaseName() {
        return "registry_outbox_test";
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(PostgresTest.super.getProperties());
        props.put("verifier.registry.outbox-interval", "300ms");
        return props;
    }

    @Test
    void eventLeftInTheOutboxAfterItsCommitIsPublishedByTheScheduledRun() throws Exception {
        String clientId = "outbox-" + UUID.randomUUID();
        store.inTransaction(() -> {
            events.record(clientId, Change.SECRET_ROTATED);
            return null;
        }); // committed, and nobody publishes it now: as when the send after the commit failed

        List<ConsumerRecord<String, String>> records = TopicRecords.read(Topics.CLIENT_CHANGED, clientId, 1);
        assertEquals(1, records.size(), "published by the scheduled run");
        ClientChanged event = json.readValue(records.get(0).value(), ClientChanged.class);
        assertEquals(Change.SECRET_ROTATED, event.change());
        assertTrue(outbox.findAll().stream().noneMatch(e -> e.clientId().equals(clientId)), "deleted once sent");
    }

    @Test
    void changeRolledBackLeavesNoEvent() {
        String clientId = "rolled-back-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            events.record(clientId, Change.UPDATED);
            throw new IllegalStateException("the change failed");
        }));
        assertTrue(outbox.findAll().stream().noneMatch(e -> e.clientId().equals(clientId)),
                "nothing in the outbox, the only way to the topic");
    }

    @Test
    void eventOutsideTheTransactionOfAChangeIsRefused() {
        assertThrows(RuntimeException.class, () -> events.record("no-transaction", Change.UPDATED));
    }
}
