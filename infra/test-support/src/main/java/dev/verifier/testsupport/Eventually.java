package dev.verifier.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assertions;

/** Waits for something asynchronous by polling a condition, bounded by a time-out, instead of sleeping a fixed time. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it still does not after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                Assertions.fail("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Assertions.fail("interrupted while waiting: " + what);
            }
        }
    }
}
