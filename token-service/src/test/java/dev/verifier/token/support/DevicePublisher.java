package dev.verifier.token.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.verifier.shared.code.AuthorizationCodes;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.event.CodeEventSeal;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Device authorizations as authorize-service issues them (a device code with our MAC, its sealed device-grant events
 * on the real broker), and raw records as an attacker on the topic could write them.
 */
@Singleton
@Requires(property = "spec.name")
public class DevicePublisher {

    /** Device codes in the format of application-test.yml's key ring, as authorize-service mints them. */
    public static final AuthorizationCodes DEVICE_CODES = AuthorizationCodes.deviceCodes(
            SecretsCipher.fromKeyRing("test:krgUdTN44_IypRjGm2Plg8-sD3Wr2nZc3py9Cpuoakk"));

    /** A device code and its PENDING event. */
    public record Device(String code, DeviceGrantEvent pending) {

        public DeviceGrantEvent approvedBy(String subject) {
            return pending.decided(DeviceGrantEvent.Status.APPROVED, new DeviceGrantEvent.Approval(subject,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), "urn:verifier:acr:pwd", List.of("pwd"),
                    "sid-device", Map.of("sub", subject, "name", "Device User")));
        }

        public DeviceGrantEvent denied() {
            return pending.decided(DeviceGrantEvent.Status.DENIED, null);
        }
    }

    private final Raw raw;
    private final JsonMapper json;
    private final CodeEventSeal seal = CodeEventSeal.fromKeyRing(CodePublisher.EVENT_KEYS).forTopic(Topics.DEVICE_GRANT);

    DevicePublisher(Raw raw, JsonMapper json) {
        this.raw = raw;
        this.json = json;
    }

    /** A new device authorization of {@code clientId} for {@code scope}, valid {@code lifetimeSeconds}. */
    public static Device device(String clientId, String scope, int interval, long lifetimeSeconds) {
        String code = DEVICE_CODES.mint();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new Device(code, new DeviceGrantEvent(DeviceGrantEvent.SCHEMA_VERSION, Hashes.sha256Base64Url(code),
                clientId, DeviceGrantEvent.Status.PENDING, scope, List.of(), interval, now,
                now.plusSeconds(lifetimeSeconds), null));
    }

    public void publish(DeviceGrantEvent event) {
        publishRaw(event.deviceCodeHash(), sealed(event));
    }

    public byte[] sealed(DeviceGrantEvent event) {
        return seal.seal(event.deviceCodeHash(), json(event));
    }

    public byte[] json(DeviceGrantEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void publishRaw(@Nullable String key, @Nullable byte[] value) {
        raw.send(key, value, new RecordHeaders()).join();
    }

    /** The raw producer of the device-grant topic. */
    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name")
    public interface Raw {
        @Topic(Topics.DEVICE_GRANT)
        CompletableFuture<RecordMetadata> send(@KafkaKey @Nullable String key, @Nullable byte[] value,
                                               org.apache.kafka.common.header.Headers headers);
    }
}
