package dev.verifier.shared.throttle;

import java.time.Clock;
import java.time.Instant;

/**
 * Failure counting shared by every service: {@link #allows} before the work, {@link #failed} after a failure. Marks
 * are rows in the service's database, so every copy sees them. A check made before the work can let the requests
 * already in flight through (at most the concurrency of the endpoint above the limit); use it where a failure is cheap
 * to compute, and count-before-check (as login throttling does) where it is not. Subjects are cut to 128 characters.
 */
public final class FailureThrottle {

    private static final int MAX_SUBJECT = 128;

    private final FailureStore store;
    private final Clock clock;

    public FailureThrottle(FailureStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whether {@code subject} is still under {@code limit}. */
    public boolean allows(FailureLimit limit, String subject) {
        return store.count(limit.kind(), cut(subject), clock.instant().minus(limit.window())) < limit.limit();
    }

    /** Marks one failure of {@code subject}, dropping marks of this kind older than the window. */
    public void failed(FailureLimit limit, String subject) {
        Instant now = clock.instant();
        store.purge(limit.kind(), now.minus(limit.window()));
        store.add(limit.kind(), cut(subject), now);
    }

    /**
     * Count-before-check: marks this attempt of {@code subject} first, then answers whether it is within
     * {@code limit} (its own mark included). Attempts made in parallel, on any copy, are each counted before any of
     * them is decided, so at most {@code limit} get through a window.
     */
    public boolean admits(FailureLimit limit, String subject) {
        failed(limit, subject);
        return store.count(limit.kind(), cut(subject), clock.instant().minus(limit.window())) <= limit.limit();
    }

    private static String cut(String subject) {
        String value = subject == null ? "" : subject;
        return value.length() > MAX_SUBJECT ? value.substring(0, MAX_SUBJECT) : value;
    }
}
