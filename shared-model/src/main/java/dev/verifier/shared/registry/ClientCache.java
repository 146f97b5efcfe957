package dev.verifier.shared.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import dev.verifier.shared.cache.TtlCache;
import dev.verifier.shared.client.RegisteredClient;

/**
 * Clients read through {@link RegistryClient}, kept for a bounded time and evicted on {@code ClientChanged}, so a
 * cache miss is the only registry call on a hot path. Unknown clients are cached too (briefly), so a flood of
 * requests for a made-up client_id does not become a flood of registry calls.
 */
public final class ClientCache {

    private final Function<String, Optional<RegisteredClient>> loader;
    private final TtlCache<String, RegisteredClient> entries;

    public ClientCache(RegistryClient registry, Duration ttl) {
        this(registry::client, ttl, Duration.ofSeconds(5), Clock.systemUTC(), 10_000);
    }

    public ClientCache(Function<String, Optional<RegisteredClient>> loader, Duration ttl, Duration negativeTtl,
                       Clock clock, int maxEntries) {
        this.loader = loader;
        this.entries = new TtlCache<>(ttl, negativeTtl, clock, maxEntries);
    }

    public Optional<RegisteredClient> get(String clientId) {
        return entries.get(clientId, loader);
    }

    public void evict(String clientId) {
        entries.evict(clientId);
    }

    public void evictAll() {
        entries.clear();
    }
}
