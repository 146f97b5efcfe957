package dev.verifier.authorize.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import dev.verifier.shared.event.OutboxRelay;
import dev.verifier.shared.event.SessionEnded;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * {@link SessionEnded} through a transactional outbox (as client-registry's ClientChanged): {@link #record} writes the
 * event in the transaction that deletes the session(s), so an ended session always has its event. One background
 * relay per copy sends waiting events in order (acks=all) and deletes them once acknowledged — after each logout or
 * admin action ({@link #publishSoon}) and every {@code verifier.session.outbox-interval} (1 s) — so events written
 * while the broker is down go out when it is back. A logout never waits for the broker. token-service consumes
 * idempotently (by {@code event_id}), so a duplicate after a crash between send and delete is harmless.
 */
@Singleton
public class SessionEvents {

    private static final int BATCH = 100;

    private final SessionEndedOutboxRepository outbox;
    private final SessionEndedProducer producer;
    private final OutboxRelay relay;

    SessionEvents(SessionEndedOutboxRepository outbox, SessionEndedProducer producer,
                  @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.outbox = outbox;
        this.producer = producer;
        this.relay = new OutboxRelay("SessionEnded events", background, this::publishBatch, BATCH);
    }

    /** Adds the event to the outbox; {@code sid} null means every session of the subject. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(String subject, @Nullable String sid, SessionEnded.Reason reason, Instant endedAt) {
        outbox.save(new SessionEndedOutboxEntry(null, UUID.randomUUID().toString(), subject, sid, reason.name(),
                reason.revokeOffline(), endedAt));
    }

    /** Has the relay send what the outbox holds, now, off the caller's thread (call it after the commit). */
    public void publishSoon() {
        relay.publishSoon();
    }

    @Scheduled(fixedDelay = "${verifier.session.outbox-interval:1s}",
            initialDelay = "${verifier.session.outbox-interval:1s}")
    void retry() {
        publishSoon();
    }

    /** One batch in one transaction: a failed send rolls back, so nothing is deleted that was not acknowledged. */
    @Transactional
    public int publishBatch() {
        List<SessionEndedOutboxEntry> waiting = outbox.lockOldest(BATCH);
        for (SessionEndedOutboxEntry e : waiting) {
            producer.send(e.subject(), new SessionEnded(SessionEnded.SCHEMA_VERSION, e.eventId(), e.subject(),
                    e.sid(), e.reason(), e.revokeOffline(), e.endedAt()));
        }
        outbox.deleteAll(waiting);
        return waiting.size();
    }
}
