package dev.verifier.shared.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

/** Count-before-check: parallel attempts are each counted before any is decided, so at most the limit pass. */
class FailureThrottleAdmitsTest {

    /** A store like the services' failure_mark tables, in memory. */
    static class Marks implements FailureStore {
        final ConcurrentLinkedQueue<String[]> rows = new ConcurrentLinkedQueue<>();

        @Override
        public void add(String kind, String subject, Instant failedAt) {
            rows.add(new String[] {kind, subject, failedAt.toString()});
        }

        @Override
        public long count(String kind, String subject, Instant since) {
            return rows.stream().filter(r -> r[0].equals(kind) && r[1].equals(subject)
                    && Instant.parse(r[2]).isAfter(since)).count();
        }

        @Override
        public int purge(String kind, Instant before) {
            return 0;
        }
    }

    @Test
    void parallelAttemptsOverTheLimitAreRefused() throws Exception {
        FailureThrottle throttle = new FailureThrottle(new Marks(), Clock.systemUTC());
        FailureLimit limit = new FailureLimit("user_code_user", 3, Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return throttle.admits(limit, "alice");
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<Boolean> answer : answers) {
            admitted += answer.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(true, admitted <= 3, "at most the limit: " + admitted);
        assertEquals(false, throttle.admits(limit, "alice"));
        assertEquals(true, throttle.admits(limit, "bob"));
    }

    @Test
    void attemptsOneAfterAnotherPassUpToTheLimitWhateverTheirOutcome() {
        FailureThrottle throttle = new FailureThrottle(new Marks(), Clock.systemUTC());
        FailureLimit limit = new FailureLimit("user_code_user", 3, Duration.ofMinutes(5));
        assertEquals(List.of(true, true, true, false, false), List.of(throttle.admits(limit, "carol"),
                throttle.admits(limit, "carol"), throttle.admits(limit, "carol"), throttle.admits(limit, "carol"),
                throttle.admits(limit, "carol")));
    }
}
