package dev.verifier.authorize.clientauth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.verifier.authorize.client.ClientLookup;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.AuditedClientAuthenticator;
import dev.verifier.shared.clientauth.AuthenticationContext;
import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.clientauth.ClientAuthVerifier;
import dev.verifier.shared.clientauth.ClientAuthenticator;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.clientauth.ClientSecretBasicVerifier;
import dev.verifier.shared.clientauth.ClientSecretJwtVerifier;
import dev.verifier.shared.clientauth.ClientSecretPostVerifier;
import dev.verifier.shared.clientauth.NoneVerifier;
import dev.verifier.shared.clientauth.PrivateKeyJwtVerifier;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import jakarta.inject.Singleton;

/**
 * Authenticates the client of a /par or /device_authorization request with the same shared verifiers as /token
 * ({@link AuditedClientAuthenticator}: limits, check, audit): the cached client, token-service's jti store (the one
 * /token uses) and the registry's client JWKS. Assertion audiences and timing as everywhere
 * ({@link VerifierUrls#clientAssertionAudiences}, {@link ClientAssertionTiming}, {@code verifier.client-auth.*}).
 * Without {@code verifier.secrets.key} (VERIFIER_SECRETS_KEY) the client_secret_jwt secrets cannot be read, so that
 * method then always fails.
 */
@Singleton
public class ClientAuthentication {

    private final ClientLookup clients;
    private final AuditedClientAuthenticator authenticator;

    ClientAuthentication(ClientLookup clients, ClientAssertionTiming timing, VerifierUrls urls,
                         TokenServiceJtiStore jtiStore, CachedClientKeys keys, Optional<SecretsCipher> cipher,
                         Throttles throttles, ThrottleConfiguration limits, Clock clock, AuditEvents audit) {
        List<ClientAuthVerifier> verifiers = new ArrayList<>(List.of(new NoneVerifier(),
                new ClientSecretBasicVerifier(), new ClientSecretPostVerifier(), new PrivateKeyJwtVerifier()));
        cipher.ifPresent(c -> verifiers.add(new ClientSecretJwtVerifier()));
        this.clients = clients;
        this.authenticator = new AuditedClientAuthenticator(new ClientAuthenticator(verifiers),
                new AuthenticationContext(urls.clientAssertionAudiences(), timing.maxLifetime(), timing.clockSkew(),
                        clock, jtiStore, keys, cipher.orElse(null)), audit, throttles, limits);
    }

    /** The authenticated client ({@link AuditedClientAuthenticator#authenticate}). */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        return authenticator.authenticate(credentials, clients::find);
    }
}
