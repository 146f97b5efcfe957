package dev.verifier.token.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Publishes code-issued events to the real broker as authorize-service does (sealed under the test event key ring,
 * {@value #EVENT_KEYS}), or any raw record value (forged, legacy, oversized) as an attacker on the topic could.
 */
@Singleton
@Requires(property = "spec.name")
public class CodePublisher {

    /** The event key ring of the test context ({@code verifier.event.keys} in application-test.yml). */
    public static final String EVENT_KEYS = "token-test:AQx2Ceepuwes3ZBOc6rFbh-NuuM4TKqHkbYjGzvhfDA";

    private final Raw raw;
    private final JsonMapper json;
    private final CodeEventSeal seal = CodeEventSeal.fromKeyRing(EVENT_KEYS);

    CodePublisher(Raw raw, JsonMapper json) {
        this.raw = raw;
        this.json = json;
    }

    public void publish(CodeIssued event) {
        publishRaw(event.codeHash(), sealed(event));
    }

    /** Sends {@code value} as it is under record key {@code key}, waiting for the broker's acknowledgement. */
    public void publishRaw(@Nullable String key, @Nullable byte[] value) {
        send(key, value, new RecordHeaders()).join();
    }

    public CompletableFuture<RecordMetadata> send(@Nullable String key, @Nullable byte[] value, Headers headers) {
        return raw.send(key, value, headers);
    }

    public byte[] sealed(CodeIssued event) {
        return seal.seal(event.codeHash(), json(event));
    }

    public byte[] json(Object event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw producer. */
    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name")
    public interface Raw {
        @Topic(Topics.CODE_ISSUED)
        CompletableFuture<RecordMetadata> send(@KafkaKey @Nullable String key, @Nullable byte[] value, Headers headers);
    }
}
