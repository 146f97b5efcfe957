package dev.verifier.token.code;

import java.util.concurrent.CompletableFuture;

import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/** Writes refused records, byte for byte, to {@link Topics#DEAD_LETTER}. */
@KafkaClient(id = "dead-letter", acks = KafkaClient.Acknowledge.ALL)
interface DeadLetterClient {

    @Topic(Topics.DEAD_LETTER)
    CompletableFuture<RecordMetadata> send(@KafkaKey @Nullable String key, @Nullable byte[] value, Headers headers);
}
