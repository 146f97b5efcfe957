package dev.verifier.registry.event;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.OutboxRelay;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * {@link ClientChanged} through a transactional outbox: {@link #record} writes the event in the transaction of the
 * change itself, so a committed change always has its event and a rolled-back one never does. {@link #publishSoon}
 * (after each change, and every {@code verifier.registry.outbox-interval}, 5 s) has one background relay per copy
 * ({@link OutboxRelay}) send the waiting events in order (acks=all) and delete them once acknowledged, so events
 * committed while the broker was down go out when it is back. Requests never wait for the broker, and an outage holds
 * one database connection at most. Copies skip each other's locked rows; consumers only evict caches, so a duplicate
 * after a crash between send and delete is harmless.
 */
@Singleton
public class ClientEvents {

    static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final ClientChangedProducer producer;
    private final Clock clock;
    private final OutboxRelay relay;

    ClientEvents(OutboxRepository outbox, ClientChangedProducer producer, Clock clock,
                 @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.outbox = outbox;
        this.producer = producer;
        this.clock = clock;
        this.relay = new OutboxRelay("ClientChanged events", background, this::publishBatch, BATCH);
    }

    /** Adds the event to the outbox; must run inside the transaction that makes the change. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String clientId, ClientChanged.Change change) {
        outbox.save(new OutboxEntry(null, clientId, change.name(), clock.instant()));
    }

    /** Has the relay send what the outbox holds, now, off the caller's thread (one relay at a time). */
    public void publishSoon() {
        relay.publishSoon();
    }

    @Scheduled(fixedDelay = "${verifier.registry.outbox-interval:5s}",
            initialDelay = "${verifier.registry.outbox-interval:5s}")
    void retry() {
        publishSoon();
    }

    /** One batch in one transaction: a failed send rolls back, so nothing is deleted that was not acknowledged. */
    @Transactional
    public int publishBatch() {
        List<OutboxEntry> waiting = outbox.lockOldest(BATCH);
        for (OutboxEntry entry : waiting) {
            producer.send(entry.clientId(), new ClientChanged(ClientChanged.SCHEMA_VERSION, entry.clientId(),
                    ClientChanged.Change.valueOf(entry.changeType()), entry.changedAt()));
        }
        outbox.deleteAll(waiting);
        return waiting.size();
    }
}
