package dev.verifier.authorize.client;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import dev.verifier.shared.clientauth.ClientKeySource;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.registry.RegistryClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * A client's public keys (request objects, private_key_jwt at /par): the registry's cached JWKS of the client (the
 * registry alone fetches jwks_uri), kept here for the client-cache TTL so a known key costs no network call; an
 * unknown kid asks the registry to refresh. Evicted with the client on ClientChanged.
 */
@Singleton
public class ClientKeys implements ClientKeySource {

    private record Entry(Optional<JWKSet> keys, Instant expiresAt) {
    }

    private final RegistryClient registry;
    private final RegistryTokenSupplier token;
    private final RegistryConfiguration config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    ClientKeys(RegistryClient registry, RegistryTokenSupplier token, RegistryConfiguration config) {
        this.registry = registry;
        this.token = token;
        this.config = config;
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
            keys = registry.jwks(clientId, kid, refresh).flatMap(ClientKeys::parse);
        } catch (OAuthException e) {
            token.invalidate();
            throw e;
        }
        cache.put(clientId, new Entry(keys, now.plus(config.cacheTtl())));
        return keys;
    }

    void evict(String clientId) {
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
