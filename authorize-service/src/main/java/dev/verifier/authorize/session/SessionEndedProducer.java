package dev.verifier.authorize.session;

import dev.verifier.shared.event.SessionEnded;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** Sends {@link SessionEnded} keyed by subject; blocks until the broker acknowledged it (acks=all). */
@KafkaClient(id = "session-ended", acks = KafkaClient.Acknowledge.ALL)
interface SessionEndedProducer {

    @Topic(Topics.SESSION_ENDED)
    void send(@KafkaKey String subject, SessionEnded event);
}
