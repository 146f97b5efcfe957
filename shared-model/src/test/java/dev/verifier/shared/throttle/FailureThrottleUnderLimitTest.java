package dev.verifier.shared.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.testsupport.OffsetClock;
import org.junit.jupiter.api.Test;

/**
 * A copy reuses an "under the limit" answer for the ttl instead of counting on every request; a failure it marks drops
 * the answer at once, failures marked by other copies are seen once the ttl is over, and a refusal is never reused.
 */
class FailureThrottleUnderLimitTest {

    static final FailureLimit LIMIT = new FailureLimit("client_auth_client", 2, Duration.ofMinutes(5));
    static final Duration TTL = Duration.ofSeconds(1);

    /** The in-memory failure_mark table, counting the counts made. */
    static final class CountedMarks extends FailureThrottleAdmitsTest.Marks {
        final AtomicInteger counts = new AtomicInteger();

        @Override
        public long count(String kind, String subject, Instant since) {
            counts.incrementAndGet();
            return super.count(kind, subject, since);
        }
    }

    final OffsetClock clock = OffsetClock.stoppedAt(Instant.parse("2026-12-03T12:00:00Z"));
    final CountedMarks marks = new CountedMarks();
    final FailureThrottle throttle = new FailureThrottle(marks, clock, TTL);

    @Test
    void anUnderTheLimitAnswerIsReusedForTheTtlThenCountedAgain() {
        assertTrue(throttle.allows(LIMIT, "client-a"));
        clock.advance(Duration.ofMillis(999));
        assertTrue(throttle.allows(LIMIT, "client-a"));
        assertTrue(throttle.allows(LIMIT, "client-a"));
        assertEquals(1, marks.counts.get());

        clock.advance(Duration.ofMillis(1));
        assertTrue(throttle.allows(LIMIT, "client-a"));
        assertEquals(2, marks.counts.get());
        assertTrue(throttle.allows(LIMIT, "client-b"), "another subject is counted on its own");
        assertEquals(3, marks.counts.get());
    }

    @Test
    void aFailureMarkedHereDropsTheAnswerAtOnce() {
        assertTrue(throttle.allows(LIMIT, "client-a"));
        throttle.failed(LIMIT, "client-a");
        assertTrue(throttle.allows(LIMIT, "client-a"), "one failure of two allowed");
        throttle.failed(LIMIT, "client-a");
        assertFalse(throttle.allows(LIMIT, "client-a"), "the second failure is seen without waiting for the ttl");
        assertEquals(3, marks.counts.get());
    }

    @Test
    void failuresMarkedByAnotherCopyAreSeenOnceTheTtlIsOver() {
        assertTrue(throttle.allows(LIMIT, "client-a"));
        marks.add(LIMIT.kind(), "client-a", clock.instant()); // another copy marks two failures
        marks.add(LIMIT.kind(), "client-a", clock.instant());
        assertTrue(throttle.allows(LIMIT, "client-a"), "within the ttl the answer of this copy stands");
        clock.advance(TTL);
        assertFalse(throttle.allows(LIMIT, "client-a"));
    }

    @Test
    void aRefusalIsNeverReused() {
        throttle.failed(LIMIT, "client-a");
        throttle.failed(LIMIT, "client-a");
        assertFalse(throttle.allows(LIMIT, "client-a"));
        assertFalse(throttle.allows(LIMIT, "client-a"));
        assertEquals(2, marks.counts.get(), "each refusal counted");
        clock.advance(LIMIT.window()); // the marks leave the window: allowed again at the next check
        assertTrue(throttle.allows(LIMIT, "client-a"));
    }

    @Test
    void aZeroTtlCountsOnEveryCheck() {
        FailureThrottle counting = new FailureThrottle(marks, clock, Duration.ZERO);
        assertTrue(counting.allows(LIMIT, "client-a"));
        assertTrue(counting.allows(LIMIT, "client-a"));
        assertEquals(2, marks.counts.get());
    }

    @Test
    void rememberedAnswersAreBounded() {
        assertTrue(throttle.allows(LIMIT, "client-0"));
        for (int i = 1; i <= 10_000; i++) {
            assertTrue(throttle.allows(LIMIT, "client-" + i));
        }
        int before = marks.counts.get();
        assertTrue(throttle.allows(LIMIT, "client-0"));
        assertEquals(before + 1, marks.counts.get(), "forgotten once more than 10,000 were remembered");
    }
}
