package dev.verifier.authorize.userinfo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whether an access token is still active (not revoked), as token-service last said, by the token's {@code jti}: an
 * active answer is kept for {@code ttl} (so a revocation reaches this service at most {@code ttl} late), an inactive
 * one until the token expires (revocation is final). Bounded: when full, everything is forgotten at once.
 */
final class TokenStatusCache {

    private record Entry(boolean active, Instant until) {
    }

    static final int MAX_ENTRIES = 10_000;

    private final Predicate<String> introspect;
    private final Duration ttl;
    private final Supplier<Instant> clock;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param introspect asks token-service whether the token is active; throws when it cannot tell
     * @param clock      the current time
     */
    TokenStatusCache(Predicate<String> introspect, Duration ttl, Supplier<Instant> clock) {
        this.introspect = introspect;
        this.ttl = ttl;
        this.clock = clock;
    }

    boolean active(String jti, String token, Instant expiresAt) {
        Instant now = clock.get();
        Entry entry = entries.get(jti);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.active();
        }
        boolean active = introspect.test(token);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant activeUntil = now.plus(ttl);
        entries.put(jti, new Entry(active, active && activeUntil.isBefore(expiresAt) ? activeUntil : expiresAt));
        return active;
    }
}
