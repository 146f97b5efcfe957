package dev.verifier.token.code;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

/**
 * In-JVM wake-up between the code-issued listener and token requests waiting for that code. Only an optimisation:
 * the listener may run in another copy, so waiters also re-read the database at a short interval.
 */
@Singleton
public class CodeArrivals {

    private final Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();

    /** Blocks at most {@code timeout}, returning early when the code arrives in this copy. */
    public void await(String codeHash, Duration timeout) {
        CountDownLatch latch = waiting.computeIfAbsent(codeHash, h -> new CountDownLatch(1));
        try {
            latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.remove(codeHash, latch);
        }
    }

    public void arrived(String codeHash) {
        CountDownLatch latch = waiting.remove(codeHash);
        if (latch != null) {
            latch.countDown();
        }
    }
}
