package dev.verifier.registry.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.verifier.testsupport.SharedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one of the real broker's topics from the beginning, as the other services' consumers would. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * The records of {@code topic} keyed {@code key} once {@code expected} of them arrived (or after 10 s); with a
     * null {@code key}, every record up to the end of the topic.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, String key, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key == null || key.equals(record.key())) {
                        found.add(record);
                    }
                }
                if (key != null ? found.size() >= expected : !found.isEmpty() && consumer.assignment().size() > 0
                        && consumer.endOffsets(consumer.assignment()).entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
            }
        }
        return found;
    }
}
