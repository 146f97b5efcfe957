package dev.verifier.registry.event;

import java.time.Clock;
import java.util.List;

import dev.verifier.shared.event.ClientChanged;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientChanged} through a transactional outbox: {@link #record} writes the event in the transaction of the
 * change itself, so a committed change always has its event and a rolled-back one never does; {@link #publishPending}
 * sends the waiting events in order (acks=all) and deletes them once acknowledged. It runs right after each change
 * and every {@code verifier.registry.outbox-interval} (5 s), so events committed while the broker was down go out
 * when it is back. Consumers only evict caches, so a duplicate after a crash between send and delete is harmless.
 */
@Singleton
public class ClientEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEvents.class);
    private static final int BATCH = 100;

    private final OutboxRepository outbox;
    private final ClientChangedProducer producer;
    private final Clock clock;

    ClientEvents(OutboxRepository outbox, ClientChangedProducer producer, Clock clock) {
        this.outbox = outbox;
        this.producer = producer;
        this.clock = clock;
    }

    /** Adds the event to the outbox; must run inside the transaction that makes the change. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String clientId, ClientChanged.Change change) {
        outbox.save(new OutboxEntry(null, clientId, change.name(), clock.instant()));
    }

    /** Publishes what waits in the outbox; a broker that is down leaves it there for the next run. */
    @Scheduled(fixedDelay = "${verifier.registry.outbox-interval:5s}", initialDelay = "${verifier.registry.outbox-interval:5s}")
    public void publishPendingNow() {
        try {
            while (publishPending() == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            LOG.warn("ClientChanged events stay in the outbox until the broker takes them: {}", e.toString());
        }
    }

    /** One batch in one transaction: a failed send rolls back, so nothing is deleted that was not acknowledged. */
    @Transactional
    public synchronized int publishPending() {
        List<OutboxEntry> waiting = outbox.lockOldest(BATCH);
        for (OutboxEntry entry : waiting) {
            producer.send(entry.clientId(), new ClientChanged(ClientChanged.SCHEMA_VERSION, entry.clientId(),
                    ClientChanged.Change.valueOf(entry.changeType()), entry.changedAt()));
        }
        outbox.deleteAll(waiting);
        return waiting.size();
    }
}
