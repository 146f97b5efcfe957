package dev.verifier.shared.clientauth;

import java.util.Optional;
import java.util.function.Function;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;

/**
 * Client authentication as every endpoint that takes it runs it (token-service's /token, /introspect and /revoke,
 * authorize-service's /par and /device_authorization): the client's and the source address's failure limits read
 * first, then the registered method's check ({@link ClientAuthenticator}). A refusal ({@code invalid_client}) is
 * counted against both limits and reported as a {@code client_auth_failed} audit event naming the check that failed;
 * over a limit it is answered 429 instead, reported once as {@code request_throttled} ({@link Throttles#attempt}: a
 * success is served whatever the limits say). An outage, such as an unreachable registry, is not a refusal. Not a
 * bean: each service makes one over its own verifiers, context and client lookup.
 */
public final class AuditedClientAuthenticator {

    private final ClientAuthenticator authenticator;
    private final AuthenticationContext context;
    private final AuditEvents audit;
    private final Throttles throttles;
    private final ThrottleConfiguration limits;

    public AuditedClientAuthenticator(ClientAuthenticator authenticator, AuthenticationContext context,
                                      AuditEvents audit, Throttles throttles, ThrottleConfiguration limits) {
        this.authenticator = authenticator;
        this.context = context;
        this.audit = audit;
        this.throttles = throttles;
        this.limits = limits;
    }

    /** The authenticated client; {@code clients} finds a registered client by id. */
    public RegisteredClient authenticate(ClientCredentials credentials,
                                         Function<String, Optional<RegisteredClient>> clients) {
        Throttles.Attempt attempt = throttles.attempt(limits.clientAuthByClient(), limits.clientAuthByAddress(),
                credentials.clientId());
        try {
            return authenticator.authenticate(credentials, clients, context);
        } catch (OAuthException e) {
            if (e.error() != OAuthError.INVALID_CLIENT) {
                throw e;
            }
            attempt.failed();
            audit.event(AuditType.CLIENT_AUTH_FAILED).failure().actor(credentials.clientId())
                    .client(credentials.clientId()).detail("method", credentials.kind().name().toLowerCase())
                    .detail("error", e.error().code()).detail("reason", e.reason()).emit();
            throw e;
        }
    }
}
