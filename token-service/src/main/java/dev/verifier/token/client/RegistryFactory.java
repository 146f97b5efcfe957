package dev.verifier.token.client;

import java.time.Clock;

import dev.verifier.shared.api.AudienceRules;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.registry.ApiCache;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.shared.registry.RegistryClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** The registry client, authenticated with token-service's own self-signed {@code registry.read} token. */
@Factory
class RegistryFactory {

    @Singleton
    RegistryClient registryClient(VerifierUrls urls, RegistryAccessToken token, JsonMapper json,
                                  RegistryConfiguration config) {
        return new RegistryClient(urls.registry(), token::get, json, config.timeout());
    }

    @Singleton
    ClientCache clientCache(RegistryClient registry, RegistryConfiguration config) {
        return new ClientCache(registry, config.cacheTtl());
    }

    /** Registered APIs by identifier and by scope, dropped on every ApiChanged. */
    @Singleton
    ApiCache apiCache(RegistryClient registry, RegistryConfiguration config) {
        return new ApiCache(registry, config.cacheTtl());
    }

    @Singleton
    AudienceRules audienceRules(ApiCache apis, VerifierUrls urls) {
        return new AudienceRules(apis, urls);
    }

    /** private_key_jwt keys from the registry's JWKS cache; an unknown kid asks the registry to refresh. */
    @Singleton
    CachedClientKeys clientKeys(RegistryClient registry, RegistryConfiguration config, Clock clock) {
        return new CachedClientKeys(registry, config.cacheTtl(), clock, () -> { });
    }
}
