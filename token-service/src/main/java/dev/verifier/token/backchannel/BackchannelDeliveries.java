package dev.verifier.token.backchannel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.event.OutboxRelay;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.token.metrics.TokenMetrics;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The back-channel logout queue in the database: {@link #add} records a delivery in the transaction that consumes
 * the SessionEnded event; one background sender per copy (after each event, and every
 * {@code verifier.backchannel.poll-interval}) claims due rows ({@code FOR UPDATE SKIP LOCKED}, then leased by moving
 * {@code next_attempt_at}), sends them outside any transaction ({@link BackchannelSender}) and records the outcome:
 * delivered, skipped, a retry after an exponential back-off, or failed once the attempts are used up. Nothing is lost
 * across restarts; a copy that dies mid-send leaves the row to whoever claims it after the lease. Each outcome is a
 * metric; deliveries and final failures are audit events.
 */
@Singleton
public class BackchannelDeliveries {

    private final BackchannelDeliveryRepository repository;
    private final BackchannelSender sender;
    private final BackchannelConfiguration config;
    private final TokenMetrics metrics;
    private final AuditEvents audit;
    private final Clock clock;
    private final OutboxRelay relay;

    BackchannelDeliveries(BackchannelDeliveryRepository repository, BackchannelSender sender,
                          BackchannelConfiguration config, TokenMetrics metrics, AuditEvents audit, Clock clock,
                          @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.repository = repository;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
        this.relay = new OutboxRelay("back-channel logout deliveries", background, this::sendBatch,
                config.batchSize());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void add(String eventId, String clientId, String subject, String sid) {
        repository.insertIfAbsent(eventId, clientId, subject, sid, clock.instant());
    }

    /** Has the sender go through the due deliveries now, off the caller's thread (one sender per copy). */
    public void sendSoon() {
        relay.publishSoon();
    }

    @Scheduled(fixedDelay = "${verifier.backchannel.poll-interval:1s}",
            initialDelay = "${verifier.backchannel.poll-interval:1s}")
    void poll() {
        sendSoon();
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void purge() {
        repository.purge(clock.instant().minus(config.retention()));
    }

    /** One round of the relay: claims a batch of due rows and sends them; answers how many it claimed. */
    private int sendBatch() {
        List<BackchannelDelivery> claimed = claim();
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    /** Claims due rows in one short transaction; answers them with the attempt they are on. */
    @Transactional
    public List<BackchannelDelivery> claim() {
        Instant now = clock.instant();
        List<BackchannelDelivery> due = repository.lockDue(now, config.batchSize());
        if (!due.isEmpty()) {
            repository.claim(due.stream().map(BackchannelDelivery::id).toList(), now.plus(config.lease()));
        }
        return due.stream().map(d -> new BackchannelDelivery(d.id(), d.eventId(), d.clientId(), d.subject(), d.sid(),
                d.status(), d.attempts() + 1, d.nextAttemptAt(), d.createdAt(), d.lastError())).toList();
    }

    private void deliver(BackchannelDelivery delivery) {
        BackchannelSender.Outcome outcome = sender.send(delivery);
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case DELIVERED -> {
                repository.settle(delivery.id(), BackchannelDelivery.Status.DELIVERED.name(), now, null);
                metrics.backchannelLogout("delivered");
                record(AuditType.BACKCHANNEL_LOGOUT_DELIVERED, delivery, outcome, false);
            }
            case SKIPPED -> {
                repository.settle(delivery.id(), BackchannelDelivery.Status.SKIPPED.name(), now, outcome.reason());
                metrics.backchannelLogout("skipped");
            }
            case RETRY -> {
                if (delivery.attempts() >= config.maxAttempts()) {
                    repository.settle(delivery.id(), BackchannelDelivery.Status.FAILED.name(), now, outcome.reason());
                    metrics.backchannelLogout("failed");
                    record(AuditType.BACKCHANNEL_LOGOUT_FAILED, delivery, outcome, true);
                } else {
                    repository.settle(delivery.id(), BackchannelDelivery.Status.PENDING.name(),
                            now.plus(config.backoff(delivery.attempts())), outcome.reason());
                    metrics.backchannelLogout("retry");
                }
            }
        }
    }

    private void record(AuditType type, BackchannelDelivery d, BackchannelSender.Outcome outcome, boolean failure) {
        AuditEvents.Builder event = audit.event(type).actor("system").client(d.clientId()).subject(d.subject())
                .detail("sid", d.sid()).detail("attempts", d.attempts()).detail("result", outcome.reason());
        if (failure) {
            event.failure();
        }
        event.emit();
    }
}
