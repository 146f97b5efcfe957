package dev.verifier.authorize.device;

import java.util.concurrent.CompletableFuture;

import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/** Sends sealed {@code DeviceGrantEvent}s with {@code acks=all} (idempotent producer, as for code-issued). */
@KafkaClient(id = "device-grant", acks = KafkaClient.Acknowledge.ALL)
interface DeviceGrantClient {

    @Topic(Topics.DEVICE_GRANT)
    CompletableFuture<RecordMetadata> send(@KafkaKey String deviceCodeHash, byte[] sealedEvent, Headers headers);
}
