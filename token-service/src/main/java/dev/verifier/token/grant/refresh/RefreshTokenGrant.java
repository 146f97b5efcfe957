package dev.verifier.token.grant.refresh;

import java.time.Clock;
import java.time.Instant;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.token.issue.Audiences;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.grant.GrantHandler;
import dev.verifier.token.grant.Params;
import dev.verifier.token.grant.TokenRequest;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.GrantFamily;
import dev.verifier.token.grant.family.RefreshToken;
import dev.verifier.token.grant.family.RefreshTokens;
import dev.verifier.token.grant.family.StoredGrant;
import dev.verifier.token.grant.family.StoredGrants;
import dev.verifier.token.user.CurrentUserClaims;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * {@code refresh_token} (RFC 6749 §6, RFC 9700 §4.14): the token must be live (idle and absolute lifetimes), its
 * family unrevoked and this client's; the scope may be narrowed, never widened. A token already rotated is a reuse:
 * the whole family is revoked, unless {@link RefreshReuseRule} takes it for the retry of a refresh whose answer was
 * lost, which is redeemed once more. The access token is for the grant's resources, or for those of them the request
 * names with {@code resource} (down-scoping, {@link Audiences}); one not granted is {@code invalid_target}. Everything happens in one transaction; an {@code OAuthException} does not roll it
 * back, so a detected reuse stays revoked while the caller gets {@code invalid_grant}. No write precedes a check.
 * The family's {@link StoredGrant} is read with the checks (one this release cannot read is {@code invalid_grant});
 * when an ID token is to be issued, the user's current claims are read from authorize-service
 * ({@link CurrentUserClaims}) after the checks and before any write, so a failed read leaves the token unused.
 */
@Singleton
class RefreshTokenGrant implements GrantHandler {

    private final RefreshTokens refreshTokens;
    private final GrantFamilies families;
    private final AuditEvents audit;
    private final RefreshExchange exchange;
    private final RefreshReuseRule reuseRule;
    private final Clock clock;
    private final CurrentUserClaims userClaims;
    private final StoredGrants storedGrants;
    private final Audiences audiences;

    RefreshTokenGrant(RefreshTokens refreshTokens, GrantFamilies families, RefreshExchange exchange,
                      RefreshReuseRule reuseRule, Clock clock, AuditEvents audit, CurrentUserClaims userClaims,
                      StoredGrants storedGrants, Audiences audiences) {
        this.audiences = audiences;
        this.userClaims = userClaims;
        this.storedGrants = storedGrants;
        this.refreshTokens = refreshTokens;
        this.reuseRule = reuseRule;
        this.families = families;
        this.audit = audit;
        this.exchange = exchange;
        this.clock = clock;
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    @Transactional(noRollbackFor = OAuthException.class)
    public TokenResponse handle(TokenRequest request, RegisteredClient client) {
        RefreshToken stored = refreshTokens.find(request.required(Params.REFRESH_TOKEN))
                .orElseThrow(RefreshTokenGrant::invalidGrant);
        GrantFamily family = families.find(stored.familyId()).orElseThrow(RefreshTokenGrant::invalidGrant);
        if (!family.clientId().equals(client.clientId()) || family.isRevoked()) {
            throw invalidGrant();
        }
        if (!family.admitsDpopKey(request.dpopJkt())) {
            throw OAuthError.INVALID_GRANT.exception(
                    "the refresh token is bound to a DPoP key: send a DPoP proof made with that key");
        }
        boolean retry = stored.rotatedAt() != null;
        if (retry && !reuseRule.isRetry(stored)) {
            throw reused(family);
        }
        Instant now = clock.instant();
        if (!stored.idleExpiresAt().isAfter(now) || !family.absoluteExpiresAt().isAfter(now)) {
            throw invalidGrant();
        }
        Scopes granted = Scopes.parse(stored.scope());
        Scopes asked = request.param(Params.SCOPE).map(Scopes::parse).orElse(granted);
        if (!asked.isSubsetOf(granted) || asked.isEmpty()) {
            throw OAuthError.INVALID_SCOPE.exception("the scope may be narrowed, never widened");
        }
        StoredGrant kept = storedGrants.read(family).orElseThrow(RefreshTokenGrant::invalidGrant);
        Audience audience = audiences.forUser(client, granted, asked, kept.resources(), request.resources());
        StoredGrant grant = Scopes.parse(family.scope()).contains(Scopes.OPENID)
                ? kept.withClaims(userClaims.released(family.subject(), family.scope())) : kept;
        if (retry) {
            return exchange.redeemRetry(stored, family, client, audience, grant, request.dpopJkt());
        }
        return exchange.redeem(stored, family, client, audience, grant, request.dpopJkt())
                .orElseGet(() -> retryOfConcurrent(stored, family, client, audience, grant, request.dpopJkt()));
    }

    /** Another request rotated the token while this one ran: a retry only if the rule says so, else a reuse. */
    private TokenResponse retryOfConcurrent(RefreshToken stored, GrantFamily family, RegisteredClient client,
                                            Audience asked, StoredGrant grant, @Nullable String jkt) {
        RefreshToken rotated = refreshTokens.reread(stored).orElseThrow(RefreshTokenGrant::invalidGrant);
        if (!reuseRule.isRetry(rotated)) {
            throw reused(family);
        }
        return exchange.redeemRetry(rotated, family, client, asked, grant, jkt);
    }

    private OAuthException reused(GrantFamily family) {
        audit.event(AuditType.REFRESH_REUSE_DETECTED).failure().actor(family.clientId()).client(family.clientId())
                .subject(family.subject()).detail("family", family.id()).emit();
        families.revoke(family.id(), "refresh_token_reuse");
        return invalidGrant();
    }

    static OAuthException invalidGrant() {
        return OAuthError.INVALID_GRANT.exception("the refresh token is invalid, expired or revoked");
    }
}
