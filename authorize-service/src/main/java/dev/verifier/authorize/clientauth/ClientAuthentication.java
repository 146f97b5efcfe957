package dev.verifier.authorize.clientauth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.verifier.authorize.client.ClientLookup;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
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
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import jakarta.inject.Singleton;

/**
 * Authenticates the client of a /par or /device_authorization request with the same shared verifiers as /token: the cached client,
 * token-service's jti store (the one /token uses) and the registry's client JWKS. Assertions may name the issuer,
 * the PAR endpoint, the device authorization endpoint or the token endpoint as audience (RFC 9126 §2), and are timed as at /token
 * ({@link ClientAssertionTiming}, {@code verifier.client-auth.*}). Without {@code verifier.secrets.key}
 * (VERIFIER_SECRETS_KEY) the client_secret_jwt secrets cannot be read, so that method then always fails.
 */
@Singleton
public class ClientAuthentication {

    private final ClientAuthenticator authenticator;
    private final ClientLookup clients;
    private final AuthenticationContext context;
    private final AuditEvents audit;
    private final Throttles throttles;
    private final ThrottleConfiguration limits;

    ClientAuthentication(ClientLookup clients, ClientAssertionTiming timing, VerifierUrls urls,
                         TokenServiceJtiStore jtiStore, CachedClientKeys keys, Optional<SecretsCipher> cipher,
                         Throttles throttles, ThrottleConfiguration limits, Clock clock, AuditEvents audit) {
        this.audit = audit;
        this.throttles = throttles;
        this.limits = limits;
        List<ClientAuthVerifier> verifiers = new ArrayList<>(List.of(new NoneVerifier(),
                new ClientSecretBasicVerifier(), new ClientSecretPostVerifier(), new PrivateKeyJwtVerifier()));
        cipher.ifPresent(c -> verifiers.add(new ClientSecretJwtVerifier()));
        this.authenticator = new ClientAuthenticator(verifiers);
        this.clients = clients;
        this.context = new AuthenticationContext(urls.clientAssertionAudiences(), timing.maxLifetime(),
                timing.clockSkew(), clock, jtiStore, keys, cipher.orElse(null));
    }

    /**
     * The authenticated client. Failed authentications ({@code invalid_client}) are reported as a
     * {@code client_auth_failed} audit event with the check that failed, and count against the client's and the
     * source address's limits ({@code verifier.throttle.client-auth-*}); over a limit, a failure is answered 429
     * (a success is served: {@link Throttles#attempt}).
     */
    public RegisteredClient authenticate(ClientCredentials credentials) {
        Throttles.Attempt attempt = throttles.attempt(limits.clientAuthByClient(), limits.clientAuthByAddress(),
                credentials.clientId());
        try {
            return authenticator.authenticate(credentials, clients::find, context);
        } catch (OAuthException e) {
            if (e.error() == OAuthError.INVALID_CLIENT) {
                audit.event(AuditType.CLIENT_AUTH_FAILED).failure().actor(credentials.clientId())
                        .client(credentials.clientId()).detail("method", credentials.kind().name().toLowerCase())
                        .detail("error", e.error().code()).detail("reason", e.reason()).emit();
                attempt.failed();
            }
            throw e;
        }
    }
}
