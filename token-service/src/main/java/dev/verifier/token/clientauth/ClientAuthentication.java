package dev.verifier.token.clientauth;

import java.time.Clock;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.AuthenticationContext;
import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.clientauth.ClientAuthenticator;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.registry.ClientCache;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import jakarta.inject.Singleton;

/**
 * Authenticates the client of a /token, /introspect or /revoke request with the shared verifiers, the cached client,
 * the database-backed jti store and the registry's cached client JWKS. Assertions may name the issuer or the token
 * endpoint as audience, timed as at /par ({@link ClientAssertionTiming}, {@code verifier.client-auth.*}).
 */
@Singleton
public class ClientAuthentication {

    private final ClientAuthenticator authenticator = ClientAuthenticator.standard();
    private final ClientCache clients;
    private final AuthenticationContext context;
    private final AuditEvents audit;
    private final Throttles throttles;
    private final ThrottleConfiguration limits;

    ClientAuthentication(ClientCache clients, ClientAssertionTiming timing, VerifierUrls urls, Clock clock,
                         DatabaseJtiStore jtiStore, CachedClientKeys keys, SecretsCipher cipher, AuditEvents audit,
                         Throttles throttles, ThrottleConfiguration limits) {
        this.clients = clients;
        this.audit = audit;
        this.throttles = throttles;
        this.limits = limits;
        this.context = new AuthenticationContext(urls.clientAssertionAudiences(),
                timing.maxLifetime(), timing.clockSkew(), clock, jtiStore, keys, cipher);
    }

    /**
     * The authenticated client; a refusal ({@code invalid_client}) is reported as a {@code client_auth_failed} audit
     * event, counted against the client's and the source address's failure limits, then thrown (an outage such as
     * an unreachable registry is not an authentication failure). Over a limit, a failure is answered 429 and a
     * success is served ({@link Throttles#attempt}).
     */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        Throttles.Attempt attempt = throttles.attempt(limits.clientAuthByClient(), limits.clientAuthByAddress(),
                credentials.clientId());
        try {
            return authenticator.authenticate(credentials, clients::get, context);
        } catch (OAuthException e) {
            if (e.error() != OAuthError.INVALID_CLIENT) {
                throw e;
            }
            audit.event(AuditType.CLIENT_AUTH_FAILED).failure().actor(credentials.clientId())
                    .client(credentials.clientId()).detail("method", credentials.kind().name().toLowerCase())
                    .detail("error", e.error().code()).detail("reason", e.reason()).emit();
            attempt.failed();
            throw e;
        }
    }
}
