package dev.verifier.token.support;

import java.time.Instant;
import java.util.UUID;

import dev.verifier.shared.event.SessionEnded;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;

/** Publishes session-ended events to the real broker, as authorize-service's outbox relay does. */
@KafkaClient(acks = KafkaClient.Acknowledge.ALL)
@Requires(property = "spec.name")
public interface SessionEndedPublisher {

    @Topic(Topics.SESSION_ENDED)
    void publish(@KafkaKey String subject, SessionEnded event);

    default void publish(SessionEnded event) {
        publish(event.subject(), event);
    }

    /** A new event (fresh id, ended now) for {@code subject}'s session {@code sid} (null: every session). */
    static SessionEnded ended(String subject, String sid, SessionEnded.Reason reason) {
        return new SessionEnded(SessionEnded.SCHEMA_VERSION, UUID.randomUUID().toString(), subject, sid,
                reason.name(), reason.revokeOffline(), Instant.now());
    }
}
