package dev.verifier.shared.clientauth;

import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.core.annotation.Nullable;

/** A client's public keys (the registry's cached JWKS). {@code refresh} asks for a fresh fetch (unknown kid). */
public interface ClientKeySource {

    Optional<JWKSet> keys(String clientId, @Nullable String kid, boolean refresh);
}
