package dev.verifier.token.code;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refused code-issued record is counted ({@code verifier_code_events_refused_total{reason}}), audited
 * ({@code code_event_refused}) — a refused device-grant record likewise ({@code verifier_device_events_refused_total},
 * {@code device_event_refused}) — and copied as it is to {@link Topics#DEAD_LETTER} with headers naming the reason and
 * its origin ({@code verifier-reason}, {@code verifier-origin} topic/partition/offset); then the partition moves on.
 * A dead-letter topic that cannot be written is counted and logged, never a reason to stop the partition.
 */
@Singleton
public class DeadLetters {

    static final String REASON_HEADER = "verifier-reason";
    static final String ORIGIN_HEADER = "verifier-origin";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterClient client;
    private final MeterRegistry metrics;
    private final AuditEvents audit;

    DeadLetters(DeadLetterClient client, MeterRegistry metrics, AuditEvents audit) {
        this.client = client;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** A refused record of {@code verifier.code-issued} or {@code verifier.device-grant}. */
    public void refuse(ConsumerRecord<String, byte[]> record, String reason, String detail) {
        boolean device = Topics.DEVICE_GRANT.equals(record.topic());
        Counter.builder(device ? "verifier.device.events.refused" : "verifier.code.events.refused")
                .description(device ? "device-grant records refused, by reason" : "code-issued records refused, by reason")
                .tag("reason", reason).register(metrics).increment();
        audit.event(device ? AuditType.DEVICE_EVENT_REFUSED : AuditType.CODE_EVENT_REFUSED).failure().detail("reason", reason).detail("problem", detail)
                .detail("origin", origin(record)).emit();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_HEADER, origin(record).getBytes(StandardCharsets.UTF_8));
        try {
            client.send(record.key(), record.value(), headers).get(10, TimeUnit.SECONDS);
            Counter.builder("verifier.dead.letter.sent").description("records copied to verifier.dead-letter")
                    .tag("topic", record.topic()).register(metrics).increment();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Counter.builder("verifier.dead.letter.failed").description("records that could not be dead-lettered")
                    .tag("topic", record.topic()).register(metrics).increment();
            LOG.warn("a refused {} record ({}) could not be written to {}: {}", record.topic(), reason,
                    Topics.DEAD_LETTER, e.toString());
        }
    }

    private static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
