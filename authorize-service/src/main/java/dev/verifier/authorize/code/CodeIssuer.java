package dev.verifier.authorize.code;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.authorize.request.AuthenticationContext;
import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.AuthorizeConfiguration;
import dev.verifier.authorize.metrics.FrontChannelMetrics;
import dev.verifier.authorize.session.SsoSession;
import dev.verifier.authorize.user.ReleasedClaims;
import dev.verifier.authorize.user.User;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.code.AuthorizationCodes;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues an authorization code in the format of shared-model's {@link AuthorizationCodes} (256 random bits and a MAC
 * under a key derived from {@code VERIFIER_SECRETS_KEY}, so token-service refuses a made-up code at once), bound (in the event, by its hash) to the client,
 * redirect URI, PKCE challenge, scope, resources (RFC 8707), nonce, subject and auth_time. The code is answered only after Kafka
 * confirmed the event; it is never stored or logged here.
 */
@Singleton
public class CodeIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(CodeIssuer.class);

    private final CodeEventPublisher publisher;
    private final AuthorizeConfiguration config;
    private final FrontChannelMetrics metrics;
    private final AuditEvents audit;
    private final @Nullable AuthorizationCodes codes;
    private final Clock clock;

    CodeIssuer(CodeEventPublisher publisher, AuthorizeConfiguration config, FrontChannelMetrics metrics,
               AuditEvents audit, @Nullable SecretsCipher keyRing, Clock clock) {
        this.codes = keyRing == null ? null : new AuthorizationCodes(keyRing);
        if (codes == null) {
            LOG.warn("VERIFIER_SECRETS_KEY is not set: authorization codes are issued without a MAC, which "
                    + "token-service accepts only with verifier.token.codes.accept-legacy=true");
        }
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.audit = audit;
        this.clock = clock;
    }

    public String issue(AuthorizationRequest request, User user, SsoSession session) {
        String code = codes != null ? codes.mint() : RandomTokens.base64Url(32);
        // millisecond precision: token-service measures the code-issued → redeemable latency from issued_at
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        CodeIssued event = new CodeIssued(CodeIssued.SCHEMA_VERSION, Hashes.sha256Base64Url(code),
                request.clientId(), request.redirectUri(), request.scope(), user.subject(),
                request.codeChallenge(), request.codeChallengeMethod(), request.nonce(), session.authTime(),
                request.acr(), AuthenticationContext.PASSWORD_METHODS, session.sid(),
                ReleasedClaims.of(user, request.scopes()), now,
                now.plus(config.codeLifetime()), request.redirectUriIncluded(), request.audience().resources(),
                request.dpopJkt());
        try {
            publisher.publishConfirmed(event);
        } catch (EventNotConfirmedException e) {
            metrics.codeNotConfirmed();
            throw e;
        }
        metrics.codeIssued();
        // never the code or its hash
        audit.event(AuditType.CODE_ISSUED).actor(user.subject()).subject(user.subject()).client(request.clientId())
                .detail("scope", request.scope()).emit();
        return code;
    }
}
