package dev.verifier.registry.event;

import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** Sends {@link ClientChanged} keyed by client id; blocks until the broker acknowledged it (acks=all). */
@KafkaClient(id = "client-changed", acks = KafkaClient.Acknowledge.ALL)
interface ClientChangedProducer {

    @Topic(Topics.CLIENT_CHANGED)
    void send(@KafkaKey String clientId, ClientChanged event);
}
