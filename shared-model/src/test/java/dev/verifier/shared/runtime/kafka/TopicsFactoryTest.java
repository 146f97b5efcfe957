package dev.verifier.shared.runtime.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.verifier.shared.kafka.TopicsConfiguration;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The topics are created durable: min.insync.replicas 2 at the production replication factor 3, 1 locally. */
class TopicsFactoryTest {

    private static List<NewTopic> topics(int replicationFactor) {
        TopicsConfiguration config = new TopicsConfiguration(6, (short) replicationFactor, true);
        TopicsFactory factory = new TopicsFactory();
        return List.of(factory.codeIssued(config), factory.clientChanged(config), factory.audit(config),
                factory.sessionEnded(config), factory.apiChanged(config), factory.deadLetter(config));
    }

    @Test
    void productionReplicationFactorThreeGivesMinInsyncReplicasTwoOnEveryTopic() {
        for (NewTopic topic : topics(3)) {
            assertEquals((short) 3, topic.replicationFactor(), topic.name());
            assertEquals("2", topic.configs().get("min.insync.replicas"), topic.name());
        }
    }

    @Test
    void singleLocalBrokerGetsOne() {
        for (NewTopic topic : topics(1)) {
            assertEquals("1", topic.configs().get("min.insync.replicas"), topic.name());
        }
    }

    @Test
    void clientChangedStaysCompacted() {
        NewTopic clientChanged = topics(3).get(1);
        assertEquals("compact", clientChanged.configs().get("cleanup.policy"));
    }

    @Test
    void apiChangedIsCompactedToo() {
        NewTopic apiChanged = topics(3).get(4);
        assertEquals("verifier.api-changed", apiChanged.name());
        assertEquals("compact", apiChanged.configs().get("cleanup.policy"));
    }
}
