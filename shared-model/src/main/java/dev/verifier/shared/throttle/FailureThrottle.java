package dev.verifier.shared.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.verifier.shared.cache.TtlCache;

/**
 * Failure counting shared by every service: {@link #allows} before the work, {@link #failed} after a failure. Marks
 * are rows in the service's database, so every copy sees them. A check made before the work can let the requests
 * already in flight through (at most the concurrency of the endpoint above the limit); use it where a failure is cheap
 * to compute, and count-before-check (as login throttling does) where it is not. Subjects are cut to 128 characters.
 * <p>
 * An "under the limit" answer of {@link #allows} is reused by this copy for {@code underLimitTtl} (a request that
 * passes costs no count then); a failure this copy marks drops it at once, so its next check counts again. Failures
 * marked by other copies are seen within {@code underLimitTtl}: in that time a copy can let through one more attempt
 * per subject than a fresh count would, which fails, is marked and drops the answer. A refusal is never reused, and
 * a count made while a failure was marked is answered but not kept ({@link TtlCache}).
 */
public final class FailureThrottle {

    private static final int MAX_SUBJECT = 128;
    /** Remembered "under the limit" answers; all are forgotten when there are more (each costs one count again). */
    private static final int MAX_REMEMBERED = 10_000;

    private final FailureStore store;
    private final Clock clock;
    /** kind + subject → "under the limit", kept for the ttl; a refusal is kept for no time */
    private final TtlCache<String, Boolean> underLimit;

    /** Counts on every check. */
    public FailureThrottle(FailureStore store, Clock clock) {
        this(store, clock, Duration.ZERO);
    }

    public FailureThrottle(FailureStore store, Clock clock, Duration underLimitTtl) {
        this.store = store;
        this.clock = clock;
        this.underLimit = new TtlCache<>(underLimitTtl, Duration.ZERO, clock, MAX_REMEMBERED);
    }

    /** Whether {@code subject} is still under {@code limit}. */
    public boolean allows(FailureLimit limit, String subject) {
        return underLimit.get(key(limit, subject), key -> store.count(limit.kind(), cut(subject),
                clock.instant().minus(limit.window())) < limit.limit() ? Optional.of(true) : Optional.empty())
                .isPresent();
    }

    /** Marks one failure of {@code subject}, dropping marks of this kind older than the window. */
    public void failed(FailureLimit limit, String subject) {
        Instant now = clock.instant();
        store.purge(limit.kind(), now.minus(limit.window()));
        store.add(limit.kind(), cut(subject), now);
        underLimit.evict(key(limit, subject));
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

    private static String key(FailureLimit limit, String subject) {
        return limit.kind() + '\n' + cut(subject);
    }

    private static String cut(String subject) {
        String value = subject == null ? "" : subject;
        return value.length() > MAX_SUBJECT ? value.substring(0, MAX_SUBJECT) : value;
    }
}
