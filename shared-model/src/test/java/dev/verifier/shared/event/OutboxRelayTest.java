package dev.verifier.shared.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The outbox relay sends batches until one is not full, and a refusal of its executor (the service stopping) neither
 * escapes to the caller nor leaves the relay believing a run is going: the next call after the executor takes work
 * again does send.
 */
class OutboxRelayTest {

    @Test
    void sendsBatchesUntilOneIsNotFull() {
        Deque<Integer> batches = new ArrayDeque<>(List.of(10, 10, 3));
        AtomicInteger calls = new AtomicInteger();
        OutboxRelay relay = new OutboxRelay("test events", Runnable::run, () -> {
            calls.incrementAndGet();
            return batches.isEmpty() ? 0 : batches.pop();
        }, 10);

        relay.publishSoon();

        assertEquals(3, calls.get());
    }

    @Test
    void aRefusingExecutorLeavesTheEventsForTheNextCall() {
        SwitchableExecutor executor = new SwitchableExecutor();
        AtomicInteger calls = new AtomicInteger();
        OutboxRelay relay = new OutboxRelay("test events", executor, () -> {
            calls.incrementAndGet();
            return 0;
        }, 10);

        executor.refusing = true;
        assertDoesNotThrow(relay::publishSoon);
        assertEquals(0, calls.get());

        executor.refusing = false;
        relay.publishSoon();
        assertEquals(1, calls.get(), "the relay runs again once the executor takes work");
    }

    private static final class SwitchableExecutor implements Executor {
        volatile boolean refusing;

        @Override
        public void execute(Runnable command) {
            if (refusing) {
                throw new RejectedExecutionException("stopping");
            }
            command.run();
        }
    }
}
