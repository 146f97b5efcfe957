package dev.verifier.token.support;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;

/** Publishes code-issued events to the real broker, as authorize-service does. */
@KafkaClient(acks = KafkaClient.Acknowledge.ALL)
@Requires(property = "spec.name")
public interface CodePublisher {

    @Topic(Topics.CODE_ISSUED)
    void publish(@KafkaKey String codeHash, CodeIssued event);

    default void publish(CodeIssued event) {
        publish(event.codeHash(), event);
    }
}
