package dev.verifier.token.clientauth;

import java.time.Clock;
import java.util.Set;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.clientauth.AuthenticationContext;
import dev.verifier.shared.clientauth.ClientAuthenticator;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.token.config.TokenConfiguration;
import jakarta.inject.Singleton;

/**
 * Authenticates the client of a /token, /introspect or /revoke request with the shared verifiers, the cached client,
 * the database-backed jti store and the registry's cached client JWKS. Assertions may name the issuer or the token
 * endpoint as audience.
 */
@Singleton
public class ClientAuthentication {

    private final ClientAuthenticator authenticator = ClientAuthenticator.standard();
    private final ClientCache clients;
    private final AuthenticationContext context;

    ClientAuthentication(ClientCache clients, TokenConfiguration config, VerifierUrls urls, Clock clock,
                         DatabaseJtiStore jtiStore, CachedClientKeys keys, SecretsCipher cipher) {
        this.clients = clients;
        this.context = new AuthenticationContext(Set.of(urls.issuerId(), urls.tokenEndpoint().toString()),
                config.assertionMaxLifetime(), config.clockSkew(), clock, jtiStore, keys, cipher);
    }

    public RegisteredClient authenticate(ClientCredentials credentials) {
        return authenticator.authenticate(credentials, clients::get, context);
    }
}
