package dev.verifier.token.grant.refresh;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.audit.AuditEvents;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.config.TokenConfiguration;
import dev.verifier.token.endpoint.TokenResponse;
import dev.verifier.token.grant.UserTokens;
import dev.verifier.token.grant.family.GrantFamily;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Inside the refresh's transaction: rotate the token (public clients always; confidential ones unless configured
 * otherwise) or slide its idle expiry, then issue. The new refresh token keeps the grant's scope (RFC 6749 §6);
 * the access token gets the asked scope; an ID token (without nonce) when {@code openid} was granted, with the
 * user's current claims ({@code claims}, read by the caller before this transaction wrote anything).
 */
@Singleton
class RefreshExchange {

    private final RefreshTokens refreshTokens;
    private final UserTokens tokens;
    private final TokenConfiguration config;
    private final JsonMapper json;
    private final AuditEvents audit;

    RefreshExchange(RefreshTokens refreshTokens, UserTokens tokens, TokenConfiguration config, JsonMapper json,
                    AuditEvents audit) {
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.config = config;
        this.json = json;
        this.audit = audit;
    }

    /** Empty when the token was rotated by a concurrent request (a reuse). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    Optional<TokenResponse> redeem(RefreshToken stored, GrantFamily family, RegisteredClient client, Audience asked,
                                   @Nullable Map<String, Object> claims) {
        boolean rotate = client.isPublic() || config.rotateConfidentialRefresh();
        boolean live = rotate ? refreshTokens.rotate(stored) : refreshTokens.touch(stored, family);
        if (!live) {
            return Optional.empty();
        }
        return Optional.of(issue(stored, family, client, asked, rotate, false, claims));
    }

    /**
     * The retry of a refresh whose answer was lost: the successor it produced is retired (the client never got it)
     * and a new one is issued in its place.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    TokenResponse redeemRetry(RefreshToken rotated, GrantFamily family, RegisteredClient client, Audience asked,
                              @Nullable Map<String, Object> claims) {
        refreshTokens.retireLive(family);
        return issue(rotated, family, client, asked, true, true, claims);
    }

    private TokenResponse issue(RefreshToken stored, GrantFamily family, RegisteredClient client, Audience asked,
                                boolean rotate, boolean retry, @Nullable Map<String, Object> claims) {
        CodeIssued grant = claims == null ? grant(family) : grant(family).withClaims(claims);
        Scopes granted = Scopes.parse(stored.scope());
        UserTokens.Issued issued = tokens.issue(client, family, grant, asked, rotate ? granted : null,
                Scopes.parse(family.scope()).contains(Scopes.OPENID), null);
        audit.event(AuditType.TOKENS_ISSUED).actor(client.clientId()).client(client.clientId())
                .subject(family.subject()).detail("grant_type", "refresh_token").detail("scope", asked.scope())
                .detail("jti", issued.accessToken().jti()).detail("family", family.id())
                .detail("refresh_rotated", rotate).detail("refresh_retry", retry).emit();
        return issued.response();
    }

    /** The grant the family was created from (the code's event). */
    CodeIssued grant(GrantFamily family) {
        try {
            return json.readValue(family.claims(), CodeIssued.class);
        } catch (IOException e) {
            throw RefreshTokenGrant.invalidGrant();
        }
    }
}
