package dev.verifier.authorize.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code verifier.code-issued} from the shared test broker with a plain Kafka consumer. */
public final class CodeEvents {

    /** One event as it is on the broker: its key and its raw JSON value. */
    public record Event(String key, String json, Map<String, Object> value) {
    }

    private CodeEvents() {
    }

    /** The event whose key is {@code codeHash}, waiting up to 15 s; empty when none arrived. */
    @SuppressWarnings("unchecked")
    public static Optional<Event> find(String codeHash, JsonMapper mapper) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "authorize-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CODE_ISSUED));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (codeHash.equals(record.key())) {
                        String json = new String(record.value(), StandardCharsets.UTF_8);
                        return Optional.of(new Event(record.key(), json, mapper.readValue(json, Map.class)));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
