package dev.verifier.shared.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.verifier.shared.cache.TtlCache;
import dev.verifier.shared.api.ApiLookup;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.runtime.registry.ApiChangedEviction;

/**
 * Registered APIs read through {@link RegistryClient}, by identifier (an RFC 8707 {@code resource} value, an
 * {@code aud}) and by scope value (the API owning a requested scope), kept for a bounded time and dropped entirely on
 * every {@code ApiChanged} ({@link ApiChangedEviction}): a change to one API can move a scope, so every lookup may be
 * stale. Unknown identifiers and scopes are remembered briefly; the list of every API (discovery's
 * {@code scopes_supported}) is kept like one entry. A plain class: each service makes its own bean of it.
 */
public final class ApiCache implements ApiLookup {

    private final Function<String, Optional<RegisteredApi>> identifierLoader;
    private final Function<String, Optional<RegisteredApi>> scopeLoader;
    private final TtlCache<String, RegisteredApi> byIdentifier;
    private final TtlCache<String, RegisteredApi> byScope;
    private final Supplier<List<RegisteredApi>> allLoader;
    private final TtlCache<String, List<RegisteredApi>> all;

    public ApiCache(RegistryClient registry, Duration ttl) {
        this(registry::apiByIdentifier, registry::apiByScope, registry::allApis, ttl, Duration.ofSeconds(5),
                Clock.systemUTC(), 10_000);
    }

    public ApiCache(Function<String, Optional<RegisteredApi>> identifierLoader,
                    Function<String, Optional<RegisteredApi>> scopeLoader, Duration ttl, Duration negativeTtl,
                    Clock clock, int maxEntries) {
        this(identifierLoader, scopeLoader, List::of, ttl, negativeTtl, clock, maxEntries);
    }

    public ApiCache(Function<String, Optional<RegisteredApi>> identifierLoader,
                    Function<String, Optional<RegisteredApi>> scopeLoader, Supplier<List<RegisteredApi>> allLoader,
                    Duration ttl, Duration negativeTtl, Clock clock, int maxEntries) {
        this.identifierLoader = identifierLoader;
        this.scopeLoader = scopeLoader;
        this.allLoader = allLoader;
        this.all = new TtlCache<>(ttl, ttl, clock, 1);
        this.byIdentifier = new TtlCache<>(ttl, negativeTtl, clock, maxEntries);
        this.byScope = new TtlCache<>(ttl, negativeTtl, clock, maxEntries);
    }

    /** The API whose identifier is exactly {@code identifier}. */
    @Override
    public Optional<RegisteredApi> byIdentifier(String identifier) {
        return byIdentifier.get(identifier, identifierLoader);
    }

    /** The API that owns scope {@code scope} (OIDC and internal scopes belong to none). */
    @Override
    public Optional<RegisteredApi> byScope(String scope) {
        return byScope.get(scope, scopeLoader);
    }

    /** Every registered API. */
    public List<RegisteredApi> all() {
        return all.get("all", key -> Optional.of(allLoader.get())).orElse(List.of());
    }

    public void evictAll() {
        byIdentifier.clear();
        byScope.clear();
        all.clear();
    }
}
