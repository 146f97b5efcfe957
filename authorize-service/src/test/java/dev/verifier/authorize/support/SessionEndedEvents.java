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
import java.util.function.Predicate;

import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code verifier.session-ended} from the shared test broker with a plain Kafka consumer. */
public final class SessionEndedEvents {

    private SessionEndedEvents() {
    }

    /** The first event keyed by {@code subject} that matches, waiting up to 15 s; empty when none arrived. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> find(String subject, Predicate<Map<String, Object>> matching,
                                                     JsonMapper mapper) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "authorize-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SESSION_ENDED));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (subject.equals(record.key())) {
                        Map<String, Object> value = mapper.readValue(
                                new String(record.value(), StandardCharsets.UTF_8), Map.class);
                        if (matching.test(value)) {
                            return Optional.of(value);
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
