package dev.verifier.shared.runtime.audit;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;

/**
 * Sends audit events to {@link Topics#AUDIT} without waiting for the broker: the producer gathers the events of up to
 * 100 ms (and up to 128 KiB) into one request, one produce request per burst rather than one per event. Each produce
 * request costs the broker far more than the events in it, so under load a shorter wait cost as much broker CPU per
 * token as the rest of the token's events; an audit event reaches the topic at most that much later (its log line is
 * written at once). A send may still block while the
 * broker is unknown, so {@link AuditEvents} calls it off the request thread; failures arrive on the future. The value
 * is the event's JSON as {@link AuditEvents} wrote it for the log line, sent as it is (made once per event).
 */
@KafkaClient(id = "verifier-audit", properties = {
        @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "100"),
        @Property(name = ProducerConfig.BATCH_SIZE_CONFIG, value = "131072")})
interface AuditPublisher {

    @Topic(Topics.AUDIT)
    CompletableFuture<RecordMetadata> send(@KafkaKey String key, byte[] eventJson);
}
