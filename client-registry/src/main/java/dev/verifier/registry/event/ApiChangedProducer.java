package dev.verifier.registry.event;

import dev.verifier.shared.event.ApiChanged;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** Sends {@link ApiChanged} keyed by the API's id; blocks until the broker acknowledged it (acks=all). */
@KafkaClient(id = "api-changed", acks = KafkaClient.Acknowledge.ALL)
interface ApiChangedProducer {

    @Topic(Topics.API_CHANGED)
    void send(@KafkaKey String apiId, ApiChanged event);
}
