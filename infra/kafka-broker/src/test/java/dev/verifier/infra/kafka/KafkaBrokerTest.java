package dev.verifier.infra.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The KRaft broker formats a fresh folder, serves clients, and keeps its data across a restart on the same folder. */
class KafkaBrokerTest {

    @Test
    void brokerKeepsItsTopicsAcrossARestartOnTheSameFolder() throws Exception {
        Path dir = Files.createTempDirectory("kafka-broker-test");
        int port = KafkaBroker.freePort();
        try (KafkaBroker broker = KafkaBroker.start("127.0.0.1", port, dir)) {
            try (Admin admin = admin(broker)) {
                admin.createTopics(Set.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
        }
        try (KafkaBroker again = KafkaBroker.start("127.0.0.1", port, dir); Admin admin = admin(again)) {
            assertTrue(admin.listTopics().names().get().contains("kept"));
        }
    }

    /** Every fresh folder is formatted with a new random cluster id (Kafka's own, which never starts with a dash). */
    @RepeatedTest(5)
    void freshFolderIsFormatted() throws Exception {
        Path dir = Files.createTempDirectory("kafka-broker-format");
        try (KafkaBroker broker = KafkaBroker.start("127.0.0.1", KafkaBroker.freePort(), dir)) {
            assertTrue(Files.exists(dir.resolve("meta.properties")));
            try (Admin admin = admin(broker)) {
                assertEquals(1, admin.describeCluster().nodes().get().size());
            }
        }
    }

    private static Admin admin(KafkaBroker broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }
}
