package dev.verifier.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the raw JSON of the {@code verifier.audit} topic from its beginning with a throw-away consumer group, as a SIEM
 * connector would: for tests that an event reached the broker and what exactly it carried.
 */
public final class AuditTopicReader {

    /** shared-model's {@code Topics.AUDIT} (test-support cannot depend on shared-model, whose tests use it). */
    static final String AUDIT_TOPIC = "verifier.audit";

    private AuditTopicReader() {
    }

    /**
     * The values read until {@code done} holds for the values read so far among those {@code wanted}, or until
     * {@code timeout}; only the {@code wanted} ones are returned.
     */
    public static List<String> read(String bootstrapServers, Predicate<String> wanted, Predicate<List<String>> done,
                                    Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "audit-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(AUDIT_TOPIC));
            while (!done.test(found) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && wanted.test(record.value())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }
}
