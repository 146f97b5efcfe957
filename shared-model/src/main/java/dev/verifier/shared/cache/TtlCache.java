package dev.verifier.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values read from somewhere slower (the registry, the database), each kept until its time is up: {@code ttl} for a value found, {@code negativeTtl}
 * for one the source does not have (so a flood of made-up keys is not a flood of reads; {@code 0s}: never kept). A value loaded
 * while an eviction happened is answered but not kept, so an event that arrives during a load is never undone by it.
 * At {@code maxEntries} the cache starts again empty.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(Optional<V> value, Instant expiresAt) {
    }

    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();

    public TtlCache(Duration ttl, Duration negativeTtl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.value();
        }
        long evictionsBefore = evictions.get();
        Optional<V> loaded = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(loaded, now.plus(loaded.isPresent() ? ttl : negativeTtl)));
        if (evictions.get() != evictionsBefore) {
            entries.remove(key); // evicted while loading: what was loaded may be older than the eviction
        }
        return loaded;
    }

    public void evict(K key) {
        evictions.incrementAndGet();
        entries.remove(key);
    }

    public void clear() {
        evictions.incrementAndGet();
        entries.clear();
    }
}
