package dev.verifier.shared.event;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay of a transactional outbox: {@link #publishSoon()} has one background run at a time call
 * {@code publishBatch} (which sends a batch of waiting events and deletes them once acknowledged, answering how many
 * it took) until the outbox is empty; a call while a run is going makes it go round again. A failure (the broker is
 * down, the database refuses) ends the run with a warning, and the events stay in the outbox for the next call. The
 * caller's thread never waits for the broker. Once the executor refuses work (the service is stopping) the events
 * stay in the outbox for the next start. A plain class: each outbox owner makes its own (client-registry's
 * ClientChanged and ApiChanged, authorize-service's SessionEnded, token-service's back-channel logout deliveries).
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final String events;
    private final Executor background;
    private final IntSupplier publishBatch;
    private final int batchSize;
    private final AtomicBoolean relaying = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param events       what the outbox holds, for the log ({@code "ClientChanged events"})
     * @param publishBatch sends up to {@code batchSize} waiting events in one transaction; answers how many
     */
    public OutboxRelay(String events, Executor background, IntSupplier publishBatch, int batchSize) {
        this.events = events;
        this.background = background;
        this.publishBatch = publishBatch;
        this.batchSize = batchSize;
    }

    /** Has the relay send what the outbox holds, now, off the caller's thread (one run at a time). */
    public void publishSoon() {
        pending.set(true);
        if (relaying.compareAndSet(false, true)) {
            start();
        }
    }

    private void start() {
        try {
            background.execute(this::relay);
        } catch (RejectedExecutionException e) {
            relaying.set(false);
            LOG.info("{} stay in the outbox: the service is stopping", events);
        }
    }

    private void relay() {
        try {
            while (pending.getAndSet(false)) {
                while (publishBatch.getAsInt() == batchSize) {
                    // a full batch: there may be more
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{} stay in the outbox for the next round: {}", events, e.toString());
        } finally {
            relaying.set(false);
        }
        if (pending.get() && relaying.compareAndSet(false, true)) { // asked again while finishing
            start();
        }
    }
}
