package dev.verifier.token.grant.refresh;

import java.util.Optional;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.config.TokenConfiguration;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.grant.UserTokens;
import dev.verifier.token.grant.family.GrantFamily;
import dev.verifier.token.grant.family.RefreshToken;
import dev.verifier.token.grant.family.RefreshTokens;
import dev.verifier.token.grant.family.StoredGrant;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Inside the refresh's transaction: rotate the token (public clients always; confidential ones unless configured
 * otherwise) or slide its idle expiry, then issue. The new refresh token keeps the grant's scope (RFC 6749 §6);
 * the access token gets the asked scope; an ID token (without nonce) when {@code openid} was granted, with the
 * family's {@link StoredGrant} ({@code acr}, {@code amr}) holding the user's current claims (read by the caller
 * before this transaction wrote anything).
 */
@Singleton
class RefreshExchange {

    private final RefreshTokens refreshTokens;
    private final UserTokens tokens;
    private final TokenConfiguration config;
    private final AuditEvents audit;

    RefreshExchange(RefreshTokens refreshTokens, UserTokens tokens, TokenConfiguration config, AuditEvents audit) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.config = config;
        this.audit = audit;
    }

    /** Empty when the token was rotated by a concurrent request (a reuse). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<TokenResponse> redeem(RefreshToken stored, GrantFamily family, RegisteredClient client, Audience asked,
                                   StoredGrant grant, @Nullable String jkt) {
        boolean rotate = client.isPublic() || config.rotateConfidentialRefresh();
        boolean live = rotate ? refreshTokens.rotate(stored) : refreshTokens.touch(stored, family);
        if (!live) {
            return Optional.empty();
        }
        return Optional.of(issue(stored, family, client, asked, rotate, false, grant, jkt));
    }

    /**
     * The retry of a refresh whose answer was lost: the successor it produced is retired (the client never got it)
     * and a new one is issued in its place.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    TokenResponse redeemRetry(RefreshToken rotated, GrantFamily family, RegisteredClient client, Audience asked,
                              StoredGrant grant, @Nullable String jkt) {
        refreshTokens.retireLive(family);
        return issue(rotated, family, client, asked, true, true, grant, jkt);
    }

    private TokenResponse issue(RefreshToken stored, GrantFamily family, RegisteredClient client, Audience asked,
                                boolean rotate, boolean retry, StoredGrant grant, @Nullable String jkt) {
        Scopes granted = Scopes.parse(stored.scope());
        UserTokens.Issued issued = tokens.issue(client, family, grant, asked, rotate ? granted : null,
                Scopes.parse(family.scope()).contains(Scopes.OPENID), null, jkt);
        audit.event(AuditType.TOKENS_ISSUED).actor(client.clientId()).client(client.clientId())
                .subject(family.subject()).detail("grant_type", "refresh_token").detail("scope", asked.scope())
                .detail("jti", issued.accessToken().jti()).detail("family", family.id())
                .detail("refresh_rotated", rotate).detail("refresh_retry", retry).emit();
        return issued.response();
    }
}
