package dev.verifier.authorize.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.verifier.shared.api.AudienceRules;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.registry.ApiCache;
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

    private static final String REGISTRY_READ = "registry.read";
    private static final Duration UNKNOWN_CLIENT_TTL = Duration.ofSeconds(5);
    private static final int MAX_CLIENTS = 10_000;

    @Singleton
    RegistryClient registryClient(RegistryConfiguration config, VerifierUrls urls, AdminClientTokens tokens,
                                  JsonMapper json) {
        return new RegistryClient(urls.registry(), () -> tokens.get(REGISTRY_READ), json, config.timeout());
    }

    @Singleton
    ClientCache clientCache(RegistryConfiguration config, RegistryClient registry, AdminClientTokens tokens,
                            Clock clock) {
        return new ClientCache(clientId -> read(registry, tokens, clientId), config.cacheTtl(), UNKNOWN_CLIENT_TTL,
                clock, MAX_CLIENTS);
    }

    @Singleton
    CachedClientKeys clientKeys(RegistryConfiguration config, RegistryClient registry, AdminClientTokens tokens,
                                Clock clock) {
        return new CachedClientKeys(registry, config.cacheTtl(), clock, () -> tokens.invalidate(REGISTRY_READ));
    }

    /** Registered APIs by identifier, by scope and all of them, dropped on every ApiChanged. */
    @Singleton
    ApiCache apiCache(RegistryConfiguration config, RegistryClient registry, AdminClientTokens tokens, Clock clock) {
        return new ApiCache(identifier -> read(tokens, () -> registry.apiByIdentifier(identifier)),
                scope -> read(tokens, () -> registry.apiByScope(scope)), () -> read(tokens, registry::allApis),
                config.cacheTtl(), UNKNOWN_CLIENT_TTL, clock, MAX_CLIENTS);
    }

    @Singleton
    AudienceRules audienceRules(ApiCache apis, VerifierUrls urls) {
        return new AudienceRules(apis, urls);
    }

    @Singleton
    ClientLookup clientLookup(ClientCache cache) {
        return cache::get;
    }

    private static Optional<RegisteredClient> read(RegistryClient registry, AdminClientTokens tokens,
                                                   String clientId) {
        return read(tokens, () -> registry.client(clientId));
    }

    private static <T> T read(AdminClientTokens tokens, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OAuthException e) {
            tokens.invalidate(REGISTRY_READ);
            throw e;
        }
    }
}
