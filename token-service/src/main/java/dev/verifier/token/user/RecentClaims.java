package dev.verifier.token.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims read from authorize-service in the last {@code ttl}, per subject and scope, so that a client refreshing
 * often costs one call per {@code ttl} rather than one per refresh. Bounded: at {@code maxEntries} the expired
 * entries go, and if that is not enough, all. A zero {@code ttl} keeps nothing.
 */
final class RecentClaims {

    private record Key(String subject, String scope) {
    }

    private record Entry(Map<String, Object> claims, Instant readAt) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    RecentClaims(Duration ttl, int maxEntries) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** The claims of {@code subject} for {@code scope} if they were read less than {@code ttl} before {@code now}. */
    Optional<Map<String, Object>> get(String subject, String scope, Instant now) {
        Entry entry = entries.get(new Key(subject, scope));
        return entry != null && fresh(entry, now) ? Optional.of(entry.claims()) : Optional.empty();
    }

    void put(String subject, String scope, Map<String, Object> claims, Instant now) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !fresh(entry, now));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(new Key(subject, scope), new Entry(claims, now));
    }

    /** Drops every scope's claims of {@code subject}: the next refresh reads them again. */
    void forget(String subject) {
        entries.keySet().removeIf(key -> key.subject().equals(subject));
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry entry, Instant now) {
        return now.isBefore(entry.readAt().plus(ttl)) && !now.isBefore(entry.readAt());
    }
}
