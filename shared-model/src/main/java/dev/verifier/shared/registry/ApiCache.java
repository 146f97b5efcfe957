package dev.verifier.shared.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.runtime.registry.ApiChangedEviction;

/**
 * Registered APIs read through {@link RegistryClient}, by identifier (an RFC 8707 {@code resource} value, an
 * {@code aud}) and by scope value (the API owning a requested scope), kept for a bounded time and dropped entirely on
 * every {@code ApiChanged} ({@link ApiChangedEviction}): a change to one API can move a scope, so every lookup may be
 * stale. Unknown identifiers and scopes are remembered briefly. A plain class: each service makes its own bean of it.
 */
public final class ApiCache {

    private final Function<String, Optional<RegisteredApi>> identifierLoader;
    private final Function<String, Optional<RegisteredApi>> scopeLoader;
    private final TtlCache<String, RegisteredApi> byIdentifier;
    private final TtlCache<String, RegisteredApi> byScope;

    public ApiCache(RegistryClient registry, Duration ttl) {
        this(registry::apiByIdentifier, registry::apiByScope, ttl, Duration.ofSeconds(5), Clock.systemUTC(), 10_000);
    }

    public ApiCache(Function<String, Optional<RegisteredApi>> identifierLoader,
                    Function<String, Optional<RegisteredApi>> scopeLoader, Duration ttl, Duration negativeTtl,
                    Clock clock, int maxEntries) {
        this.identifierLoader = identifierLoader;
        this.scopeLoader = scopeLoader;
        this.byIdentifier = new TtlCache<>(ttl, negativeTtl, clock, maxEntries);
        this.byScope = new TtlCache<>(ttl, negativeTtl, clock, maxEntries);
    }

    /** The API whose identifier is exactly {@code identifier}. */
    public Optional<RegisteredApi> byIdentifier(String identifier) {
        return byIdentifier.get(identifier, identifierLoader);
    }

    /** The API that owns scope {@code scope} (OIDC and internal scopes belong to none). */
    public Optional<RegisteredApi> byScope(String scope) {
        return byScope.get(scope, scopeLoader);
    }

    public void evictAll() {
        byIdentifier.clear();
        byScope.clear();
    }
}
