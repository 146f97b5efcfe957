package dev.verifier.authorize.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.shared.registry.RegistryClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * The registry client and the client cache over it, and the lookup the rest of the service uses. A failed registry
 * read drops the registry token, so a token the registry stopped accepting is replaced on the next read.
 */
@Factory
class RegistryClientFactory {

    private static final Duration UNKNOWN_CLIENT_TTL = Duration.ofSeconds(5);
    private static final int MAX_CLIENTS = 10_000;

    @Singleton
    RegistryClient registryClient(RegistryConfiguration config, VerifierUrls urls, RegistryTokenSupplier token,
                                  JsonMapper json) {
        return new RegistryClient(urls.registry(), token, json, config.timeout());
    }

    @Singleton
    ClientCache clientCache(RegistryConfiguration config, RegistryClient registry, RegistryTokenSupplier token) {
        return new ClientCache(clientId -> read(registry, token, clientId), config.cacheTtl(), UNKNOWN_CLIENT_TTL,
                Clock.systemUTC(), MAX_CLIENTS);
    }

    @Singleton
    CachedClientKeys clientKeys(RegistryConfiguration config, RegistryClient registry, RegistryTokenSupplier token) {
        return new CachedClientKeys(registry, config.cacheTtl(), Clock.systemUTC(), token::invalidate);
    }

    @Singleton
    ClientLookup clientLookup(ClientCache cache) {
        return cache::get;
    }

    private static Optional<RegisteredClient> read(RegistryClient registry, RegistryTokenSupplier token,
                                                   String clientId) {
        try {
            return registry.client(clientId);
        } catch (OAuthException e) {
            token.invalidate();
            throw e;
        }
    }
}
