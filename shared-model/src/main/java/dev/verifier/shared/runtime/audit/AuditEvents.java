package dev.verifier.shared.runtime.audit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.verifier.shared.audit.AuditEvent;
import dev.verifier.shared.audit.AuditJson;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.runtime.observability.RequestContextFilter;
import dev.verifier.shared.runtime.web.SourceAddresses;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reports security events: one JSON line on the {@value #LOGGER} logger, then the same JSON on the
 * {@code verifier.audit} topic, sent by a background thread so that a slow or absent broker never delays or fails the
 * request, and without waiting for each event's acknowledgement (the producer batches; see {@link AuditPublisher}) (a
 * send that fails, or an event that does not fit the queue, is logged as a warning and dropped from Kafka;
 * the log line is always written). The request only queues the event; the first event queued after a round
 * schedules the next round {@value #SEND_AFTER_MS} ms later, which takes everything queued by then: one thread
 * wake-up per burst rather than one per event (a system call per token issued), and none while no event comes (a
 * round every 50 ms cost 2 ms of CPU per second in each idle service). The source address and trace id come from the
 * current HTTP request, if any.
 *
 * <pre>{@code audit.event(AuditType.TOKENS_ISSUED).actor(clientId).client(clientId).subject(sub)
 *      .detail("grant_type", "authorization_code").emit();}</pre>
 */
@Singleton
public class AuditEvents {

    public static final String LOGGER = "verifier.audit";
    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(AuditEvents.class);
    private static final int QUEUE = 10_000;
    private static final long SEND_AFTER_MS = 50;

    private final AuditPublisher publisher;
    private final SourceAddresses addresses;
    private final String service;
    private final Clock clock = Clock.systemUTC();
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(QUEUE);
    /** A round is scheduled and has not started taking the queue yet. */
    private final AtomicBoolean roundScheduled = new AtomicBoolean();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "verifier-audit-sender");
        thread.setDaemon(true);
        return thread;
    });

    AuditEvents(AuditPublisher publisher, SourceAddresses addresses,
                @Value("${micronaut.application.name:verifier}") String service) {
        this.publisher = publisher;
        this.addresses = addresses;
        this.service = service;
    }

    public Builder event(AuditType type) {
        return new Builder(type);
    }

    /** An event waiting for the sender, with its JSON ({@link AuditJson}, once for the line and the record). */
    private record Queued(AuditEvent event, String json) {
    }

    void emit(AuditEvent event) {
        String written = AuditJson.write(event);
        AUDIT.info(written);
        if (!queue.offer(new Queued(event, written))) {
            LOG.warn("audit queue full ({} events); an event was not sent to Kafka", QUEUE);
        } else if (roundScheduled.compareAndSet(false, true)) {
            try {
                sender.schedule(this::sendQueued, SEND_AFTER_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                roundScheduled.set(false); // shutting down: close() takes what is queued
            }
        }
    }

    /** The sender's round: hands every queued event to the producer (which batches them further). */
    private void sendQueued() {
        roundScheduled.set(false); // before taking the queue: an event queued from now on schedules the next round
        Queued queued;
        while ((queued = queue.poll()) != null) {
            send(queued.event(), queued.json().getBytes(StandardCharsets.UTF_8)); // on the sender's thread
        }
    }

    private void send(AuditEvent event, byte[] written) {
        try {
            publisher.send(event.clientId() != null ? event.clientId() : event.type(), written)
                    .whenComplete((sent, failure) -> {
                        if (failure != null) {
                            LOG.warn("audit event {} not published to Kafka: {}", event.type(), failure.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warn("audit event {} not published to Kafka: {}", event.type(), e.toString());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        sender.execute(this::sendQueued); // what is still queued, before the producer closes
        sender.shutdown();
        sender.awaitTermination(2, TimeUnit.SECONDS);
    }

    private @Nullable String sourceAddress() {
        return addresses.current().orElse(null);
    }

    /** One event under construction; {@link #emit()} stamps time, service, source address and trace id. */
    public final class Builder {

        private final AuditType type;
        private final Map<String, String> details = new LinkedHashMap<>();
        private String actor;
        private String clientId;
        private String subject;
        private String outcome = AuditEvent.SUCCESS;

        private Builder(AuditType type) {
            this.type = type;
        }

        public Builder actor(@Nullable String actor) {
            this.actor = actor;
            return this;
        }

        public Builder client(@Nullable String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder subject(@Nullable String subject) {
            this.subject = subject;
            return this;
        }

        public Builder failure() {
            this.outcome = AuditEvent.FAILURE;
            return this;
        }

        /** A non-secret detail; values of keys that name secrets, codes or tokens are redacted anyway. */
        public Builder detail(String key, @Nullable Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
            return this;
        }

        public AuditEvent emit() {
            AuditEvent event = new AuditEvent(Instant.now(clock), type.value(), service, actor, clientId, subject,
                    sourceAddress(), MDC.get(RequestContextFilter.TRACE_ID), outcome, details);
            AuditEvents.this.emit(event);
            return event;
        }
    }
}
