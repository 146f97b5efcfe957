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

import dev.verifier.shared.event.CodeEventSeal;
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

    /** The event key ring of the test context ({@code verifier.event.keys} in application-test.yml). */
    public static final String EVENT_KEYS = "authorize-test:AxtIHee4_gyGna7Lgv8iIu91o4x0tn7koOcQL7jrcBE";

    /** One event: its key, its JSON once opened with the test key ring, and its record value as it is on the broker. */
    public record Event(String key, String json, Map<String, Object> value, String wire) {
    }

    private CodeEvents() {
    }

    /** The event whose key is {@code codeHash}, waiting up to 15 s; empty when none arrived. */
    @SuppressWarnings("unchecked")
    public static Optional<Event> find(String codeHash, JsonMapper mapper) {
        return find(Topics.CODE_ISSUED, codeHash, mapper);
    }

    /** The first event on {@code topic} (sealed for that topic) whose key is {@code key}, waiting up to 15 s. */
    @SuppressWarnings("unchecked")
    public static Optional<Event> find(String topic, String key, JsonMapper mapper) {
        return find(topic, key, mapper, 1);
    }

    /** The {@code nth} (1-based) event on {@code topic} whose key is {@code key}, waiting up to 15 s. */
    @SuppressWarnings("unchecked")
    public static Optional<Event> find(String topic, String codeHash, JsonMapper mapper, int nth) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "authorize-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (codeHash.equals(record.key()) && ++seen == nth) {
                        String wire = new String(record.value(), StandardCharsets.UTF_8);
                        String json = new String(CodeEventSeal.fromKeyRing(EVENT_KEYS).forTopic(topic).open(record.key(),
                                record.value()), StandardCharsets.UTF_8);
                        return Optional.of(new Event(record.key(), json, mapper.readValue(json, Map.class), wire));
                    }
                }
            }
            return Optional.empty();
        } catch (CodeEventSeal.RefusedException e) {
            throw new AssertionError("the code-issued record does not open with the test key ring: " + e.reason());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
