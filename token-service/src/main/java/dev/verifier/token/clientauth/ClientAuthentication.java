package dev.verifier.token.clientauth;

import java.time.Clock;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.AuditedClientAuthenticator;
import dev.verifier.shared.clientauth.AuthenticationContext;
import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.clientauth.ClientAuthenticator;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import jakarta.inject.Singleton;

/**
 * Authenticates the client of a /token, /introspect or /revoke request with the shared verifiers, the cached client,
 * the database-backed jti store and the registry's cached client JWKS ({@link AuditedClientAuthenticator}: limits,
 * check, audit). Assertion audiences and timing as everywhere ({@link VerifierUrls#clientAssertionAudiences},
 * {@link ClientAssertionTiming}, {@code verifier.client-auth.*}).
 */
@Singleton
public class ClientAuthentication {

    private final ClientCache clients;
    private final AuditedClientAuthenticator authenticator;

    ClientAuthentication(ClientCache clients, ClientAssertionTiming timing, VerifierUrls urls, Clock clock,
                         DatabaseJtiStore jtiStore, CachedClientKeys keys, SecretsCipher cipher, AuditEvents audit,
                         Throttles throttles, ThrottleConfiguration limits) {
        this.clients = clients;
        this.authenticator = new AuditedClientAuthenticator(ClientAuthenticator.standard(),
                new AuthenticationContext(urls.clientAssertionAudiences(), timing.maxLifetime(), timing.clockSkew(),
                        clock, jtiStore, keys, cipher), audit, throttles, limits);
    }

    /** The authenticated client ({@link AuditedClientAuthenticator#authenticate}). */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        return authenticator.authenticate(credentials, clients::get);
    }
}
