package dev.verifier.shared.registry;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import dev.verifier.shared.clientauth.ClientKeySource;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.core.annotation.Nullable;

/**
 * A client's public keys (private_key_jwt assertions, request objects) as the registry serves them from its JWKS
 * cache (the registry alone fetches {@code jwks_uri}), kept here for a bounded time so a known key costs no network
 * call; an unknown {@code kid} or a failed signature asks the registry to refresh. Evict on {@code ClientChanged}.
 * A plain class: each service makes its own bean of it.
 */
public final class CachedClientKeys implements ClientKeySource {

    private record Entry(Optional<JWKSet> keys, Instant expiresAt) {
    }

    private final RegistryClient registry;
    private final Duration ttl;
    private final Clock clock;
    private final Runnable onRegistryFailure;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /**
     * @param onRegistryFailure run when the registry could not answer (e.g. to drop a cached access token for it)
     */
    public CachedClientKeys(RegistryClient registry, Duration ttl, Clock clock, Runnable onRegistryFailure) {
        this.registry = registry;
        this.ttl = ttl;
        this.clock = clock;
        this.onRegistryFailure = onRegistryFailure;
    }

    @Override
    public Optional<JWKSet> keys(String clientId, @Nullable String kid, boolean refresh) {
        Instant now = clock.instant();
        Entry entry = cache.get(clientId);
        if (!refresh && entry != null && now.isBefore(entry.expiresAt())) {
            return entry.keys();
        }
        Optional<JWKSet> keys;
        try {
            keys = registry.jwks(clientId, kid, refresh).flatMap(CachedClientKeys::parse);
        } catch (OAuthException e) {
            onRegistryFailure.run();
            throw e;
        }
        cache.put(clientId, new Entry(keys, now.plus(ttl)));
        return keys;
    }

    public void evict(String clientId) {
        cache.remove(clientId);
    }

    private static Optional<JWKSet> parse(Map<String, Object> json) {
        try {
            return Optional.of(JWKSet.parse(json));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
