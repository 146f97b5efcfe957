package dev.verifier.authorize.code;

import java.util.concurrent.CompletableFuture;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends {@code CodeIssued} events with {@code acks=all} (idempotent producer: see application.yml). */
@KafkaClient(id = "code-issued", acks = KafkaClient.Acknowledge.ALL)
interface CodeEventClient {

    @Topic(Topics.CODE_ISSUED)
    CompletableFuture<RecordMetadata> send(@KafkaKey String codeHash, CodeIssued event);
}
