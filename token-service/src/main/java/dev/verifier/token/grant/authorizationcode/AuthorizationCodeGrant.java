package dev.verifier.token.grant.authorizationcode;

import java.time.Clock;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.issue.Audiences;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.code.AuthorizationCodes;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.pkce.Pkce;
import dev.verifier.shared.runtime.observability.MessageTracing;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import dev.verifier.token.code.CodeRedemptionConfiguration;
import dev.verifier.token.code.CodeWaiter;
import dev.verifier.token.code.ReceivedCode;
import dev.verifier.token.grant.GrantHandler;
import dev.verifier.token.grant.Params;
import dev.verifier.token.grant.TokenRequest;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.grant.family.GrantFamilies;
import jakarta.inject.Singleton;

/**
 * {@code authorization_code} (RFC 6749 §4.1.3, RFC 7636 §4.6): a code without our MAC ({@link AuthorizationCodes})
 * is refused at once; failed redemptions count against per-client and per-address limits ({@code verifier.throttle.*});
 * waits for the code's event if needed, checks it is
 * this client's, unexpired, for this {@code redirect_uri} and this PKCE verifier, then consumes it atomically and
 * issues in one transaction ({@link CodeExchange}) a token for the granted resources, or for those of them the
 * request names with {@code resource} ({@link Audiences}; one not granted is {@code invalid_target}). A code used twice answers {@code invalid_grant} and revokes
 * everything the first use issued. Every failure is the same {@code invalid_grant} to the caller. A redemption joins
 * the trace that issued the code (an {@code authorization_code redeem} span there, linked with this request's span).
 */
@Singleton
class AuthorizationCodeGrant implements GrantHandler {

    private final CodeWaiter waiter;
    private final CodeExchange exchange;
    private final GrantFamilies families;
    private final AuditEvents audit;
    private final Clock clock;
    private final MessageTracing tracing;
    private final RedemptionChecks checks;
    private final AuthorizationCodes codes;
    private final CodeRedemptionConfiguration redemption;
    private final Throttles throttles;
    private final ThrottleConfiguration limits;
    private final Audiences audiences;

    AuthorizationCodeGrant(CodeWaiter waiter, CodeExchange exchange, GrantFamilies families, Clock clock,
                           AuditEvents audit, MessageTracing tracing, RedemptionChecks checks, SecretsCipher keyRing,
                           CodeRedemptionConfiguration redemption, Throttles throttles, ThrottleConfiguration limits,
                           Audiences audiences) {
        this.audiences = audiences;
        this.checks = checks;
        this.tracing = tracing;
        this.codes = new AuthorizationCodes(keyRing);
        this.redemption = redemption;
        this.throttles = throttles;
        this.limits = limits;
        this.waiter = waiter;
        this.exchange = exchange;
        this.families = families;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public TokenResponse handle(TokenRequest request, RegisteredClient client) {
        Throttles.Attempt attempt = throttles.attempt(limits.codeByClient(), limits.codeByAddress(), client.clientId());
        try {
            return redeem(request, client);
        } catch (OAuthException e) {
            if (e.error() == OAuthError.INVALID_GRANT) {
                attempt.failed();
            }
            throw e;
        }
    }

    private TokenResponse redeem(TokenRequest request, RegisteredClient client) {
        String code = request.required(Params.CODE);
        if (!codes.isAuthentic(code) && !(redemption.acceptLegacy() && AuthorizationCodes.isLegacy(code))) {
            throw invalidGrant(); // not minted by us: it can never arrive, so it never waits
        }
        String codeHash = Hashes.sha256Base64Url(code);
        ReceivedCode received = waiter.find(codeHash).orElseThrow(AuthorizationCodeGrant::invalidGrant);
        CodeIssued event = exchange.event(received);
        if (!received.clientId().equals(client.clientId()) || !event.clientId().equals(client.clientId())) {
            throw invalidGrant();
        }
        if (received.consumedAt() != null) {
            throw reused(received);
        }
        if (!event.expiresAt().isAfter(clock.instant())
                || !event.redirectUri().equals(redirectUri(request, client, event))) {
            throw invalidGrant();
        }
        checkPkce(event, request.param(Params.CODE_VERIFIER).orElse(null), client);
        if (event.dpopJkt() != null && !event.dpopJkt().equals(request.dpopJkt())) {
            // RFC 9449 §10: a code bound with dpop_jkt is redeemed only with a proof of that key
            throw OAuthError.INVALID_GRANT.exception("the authorization code is bound to a DPoP key (dpop_jkt): "
                    + "send a DPoP proof made with that key");
        }
        checks.check(event, client);
        Scopes granted = Scopes.parse(event.scope());
        Audience audience = audiences.forUser(client, granted, granted, event.resources(), request.resources());
        TokenResponse response = exchange.redeem(received, event, client, audience, request.dpopJkt())
                .orElseThrow(() -> reused(exchange.reload(codeHash)));
        tracing.joinTrace("authorization_code redeem", received.traceParent());
        return response;
    }

    /**
     * RFC 6749 §4.1.3: {@code redirect_uri} is required, with the same value, when the authorization request had it
     * ({@code redirect_uri_included}); a client with exactly one registered redirect URI may have omitted it there
     * (ARCHITECTURE.md), and then may omit it here too. An event without {@code redirect_uri_included} (an earlier
     * release) is read as before: omitted here only when that one redirect URI is the only one registered.
     */
    private static String redirectUri(TokenRequest request, RegisteredClient client, CodeIssued event) {
        var given = request.param(Params.REDIRECT_URI);
        if (Boolean.TRUE.equals(event.redirectUriIncluded()) && given.isEmpty()) {
            throw OAuthError.INVALID_GRANT.exception(
                    "redirect_uri is required: the authorization request included it (RFC 6749 section 4.1.3)");
        }
        var registered = client.metadata().redirectUris();
        boolean onlyOne = registered != null && registered.size() == 1 && registered.get(0).equals(event.redirectUri());
        if (given.isEmpty() && (Boolean.FALSE.equals(event.redirectUriIncluded()) || onlyOne)) {
            return event.redirectUri();
        }
        String value = request.required(Params.REDIRECT_URI);
        if (Boolean.TRUE.equals(event.redirectUriIncluded()) && !value.equals(event.redirectUri())) {
            throw OAuthError.INVALID_GRANT.exception(
                    "redirect_uri differs from the one in the authorization request");
        }
        return value;
    }

    private static void checkPkce(CodeIssued event, String verifier, RegisteredClient client) {
        if (event.codeChallenge() == null) {
            // no challenge at /authorize: a public client must not get here, and a verifier now is a downgrade
            if (client.isPublic() || verifier != null) {
                throw invalidGrant();
            }
            return;
        }
        if (!Pkce.matches(verifier, event.codeChallenge(), event.codeChallengeMethod())) {
            throw invalidGrant();
        }
    }

    private OAuthException reused(ReceivedCode received) {
        audit.event(AuditType.CODE_REUSE_DETECTED).failure().actor(received.clientId()).client(received.clientId())
                .detail("family", received.familyId()).emit();
        if (received.familyId() != null) {
            families.revoke(received.familyId(), "authorization_code_reuse");
        }
        return invalidGrant();
    }

    static OAuthException invalidGrant() {
        return OAuthError.INVALID_GRANT.exception("the authorization code is invalid, expired or already used");
    }
}
