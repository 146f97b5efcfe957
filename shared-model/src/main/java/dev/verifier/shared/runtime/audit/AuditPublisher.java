package dev.verifier.shared.runtime.audit;

import dev.verifier.shared.audit.AuditEvent;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;

/** Sends audit events to {@link Topics#AUDIT}; blocking, so {@link AuditEvents} calls it off the request thread. */
@KafkaClient(id = "verifier-audit")
interface AuditPublisher {

    @Topic(Topics.AUDIT)
    void send(@KafkaKey String key, AuditEvent event);
}
