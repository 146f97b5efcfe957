package dev.verifier.token.clientauth;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import dev.verifier.shared.clientauth.ClientKeySource;
import dev.verifier.shared.registry.RegistryClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** private_key_jwt keys: the registry's cached JWKS of the client (the registry alone fetches jwks_uri). */
@Singleton
class RegistryClientKeys implements ClientKeySource {

    private final RegistryClient registry;

    RegistryClientKeys(RegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public Optional<JWKSet> keys(String clientId, @Nullable String kid, boolean refresh) {
        return registry.jwks(clientId, kid, refresh).flatMap(json -> {
            try {
                return Optional.of(JWKSet.parse(json));
            } catch (ParseException e) {
                return Optional.empty();
            }
        });
    }
}
