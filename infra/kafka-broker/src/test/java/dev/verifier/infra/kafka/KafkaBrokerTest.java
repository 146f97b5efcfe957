package dev.verifier.infra.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The KRaft broker formats a fresh folder, serves clients, and keeps its data across a restart on the same folder,
 * also when its process was killed: what it acknowledged (acks=all) is in its log files, although it syncs them to
 * disk every half second rather than per message.
 */
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

    @Test
    void acknowledgedRecordsSurviveTheBrokerProcessBeingKilled() throws Exception {
        Path dir = Files.createTempDirectory("kafka-broker-killed");
        int port = KafkaBroker.freePort();
        String servers = "127.0.0.1:" + port;
        List<String> sent = new ArrayList<>();
        Process broker = startProcess(port, dir, dir.resolve("first.log"));
        try {
            try (Admin admin = admin(servers)) {
                admin.createTopics(Set.of(new NewTopic("acknowledged", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = producer(servers)) {
                for (int i = 0; i < 200; i++) {
                    String value = "record-" + i;
                    producer.send(new ProducerRecord<>("acknowledged", value)).get(10, TimeUnit.SECONDS);
                    sent.add(value);
                }
            }
        } finally {
            broker.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL right after the last acknowledgement
        }
        Process again = startProcess(port, dir, dir.resolve("second.log"));
        try (KafkaConsumer<String, String> consumer = consumer(servers)) {
            TopicPartition partition = new TopicPartition("acknowledged", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> read = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (read.size() < sent.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record.value());
                }
            }
            assertEquals(sent, read);
        } finally {
            again.destroy();
            again.waitFor(20, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
    }

    /** {@code KafkaBrokerMain port folder} in a JVM of its own, once it printed that it is ready. */
    private static Process startProcess(int port, Path dir, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=kafka-broker-logback.xml",
                "-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(),
                Integer.toString(port), dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("Kafka broker ready")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("broker not ready after 60 s: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, String> producer(String servers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String servers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static Admin admin(KafkaBroker broker) {
        return admin(broker.bootstrapServers());
    }

    private static Admin admin(String servers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return Admin.create(props);
    }
}
