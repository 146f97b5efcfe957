package dev.verifier.authorize.code;

import java.util.concurrent.CompletableFuture;

import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Sends sealed {@code CodeIssued} events ({@code CodeEventSeal}) with {@code acks=all} (idempotent producer: see application.yml), with the record
 * headers given (the W3C trace context of the producer span).
 */
@KafkaClient(id = "code-issued", acks = KafkaClient.Acknowledge.ALL)
interface CodeEventClient {

    @Topic(Topics.CODE_ISSUED)
    CompletableFuture<RecordMetadata> send(@KafkaKey String codeHash, byte[] sealedEvent, Headers headers);
}
