package dev.verifier.authorize.client;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.shared.registry.RegistryClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** The registry client and the client cache over it, and the lookup the rest of the service uses. */
@Factory
class RegistryClientFactory {

    @Singleton
    ClientCache clientCache(RegistryConfiguration config, VerifierUrls urls, RegistryTokenSupplier token,
                            JsonMapper json) {
        return new ClientCache(new RegistryClient(urls.registry(), token, json, config.timeout()), config.cacheTtl());
    }

    @Singleton
    ClientLookup clientLookup(ClientCache cache) {
        return cache::get;
    }
}
