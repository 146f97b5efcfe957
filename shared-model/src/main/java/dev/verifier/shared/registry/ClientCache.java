package dev.verifier.shared.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import dev.verifier.shared.client.RegisteredClient;

/**
 * Clients read through {@link RegistryClient}, kept for a bounded time and evicted on {@code ClientChanged}, so a
 * cache miss is the only registry call on a hot path. Unknown clients are cached too (briefly), so a flood of
 * requests for a made-up client_id does not become a flood of registry calls.
 */
public final class ClientCache {

    private record Entry(Optional<RegisteredClient> client, Instant expiresAt) {
    }

    private final Function<String, Optional<RegisteredClient>> loader;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final Clock clock;
    private final int maxEntries;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    public ClientCache(RegistryClient registry, Duration ttl) {
        this(registry::client, ttl, Duration.ofSeconds(5), Clock.systemUTC(), 10_000);
    }

    public ClientCache(Function<String, Optional<RegisteredClient>> loader, Duration ttl, Duration negativeTtl,
                       Clock clock, int maxEntries) {
        this.loader = loader;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    public Optional<RegisteredClient> get(String clientId) {
        Instant now = clock.instant();
        Entry entry = entries.get(clientId);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.client();
        }
        Optional<RegisteredClient> loaded = loader.apply(clientId);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(clientId, new Entry(loaded, now.plus(loaded.isPresent() ? ttl : negativeTtl)));
        return loaded;
    }

    public void evict(String clientId) {
        entries.remove(clientId);
    }

    public void evictAll() {
        entries.clear();
    }
}
