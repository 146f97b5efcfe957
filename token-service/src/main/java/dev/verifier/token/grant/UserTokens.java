package dev.verifier.token.grant;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.client.ClientGrants;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.GrantFamily;
import dev.verifier.token.grant.family.RefreshTokens;
import dev.verifier.token.grant.family.StoredGrant;
import dev.verifier.token.issue.AccessTokenRequest;
import dev.verifier.token.issue.Audiences;
import dev.verifier.token.issue.IdTokenRequest;
import dev.verifier.token.issue.IssuedAccessToken;
import dev.verifier.token.issue.TokenIssuer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The tokens of a user grant (code exchange or refresh), inside the grant's transaction: an access token recorded in
 * the family, an ID token when {@code openid} was granted, a refresh token when allowed ({@code offline_access} or
 * the client's {@code refresh_token} grant) and asked for.
 */
@Singleton
public class UserTokens {

    private final TokenIssuer issuer;
    private final Audiences audiences;
    private final GrantFamilies families;
    private final RefreshTokens refreshTokens;

    UserTokens(TokenIssuer issuer, Audiences audiences, GrantFamilies families, RefreshTokens refreshTokens) {
        this.issuer = issuer;
        this.audiences = audiences;
        this.families = families;
        this.refreshTokens = refreshTokens;
    }

    public static boolean refreshAllowed(RegisteredClient client, Scopes granted) {
        return granted.contains(Scopes.OFFLINE_ACCESS) || ClientGrants.of(client).registers(GrantType.REFRESH_TOKEN);
    }

    /**
     * @param grant        the grant's authentication context and the claims for the ID token
     * @param audience     the access token's audience and scope ({@link Audiences#forUser}; the scope may be
     *                     narrower than the grant's)
     * @param refreshScope the scope of a new refresh token, or null for none (a kept one stays valid)
     * @param idToken      whether to issue an ID token ({@code openid} was granted)
     * @param nonce        the authorization request's nonce (code exchange only)
     * @param jkt          the key of the request's DPoP proof: the access token is bound to it; null for bearer
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Issued issue(RegisteredClient client, GrantFamily family, StoredGrant grant, Audience audience,
                        @Nullable Scopes refreshScope, boolean idToken, @Nullable String nonce, @Nullable String jkt) {
        Scopes accessScope = audience.scope();
        IssuedAccessToken access = issuer.accessToken(new AccessTokenRequest(family.subject(), client.clientId(),
                accessScope, audiences.aud(audience), family.authTime(), audiences.lifetime(audience), jkt));
        families.addAccessToken(family.id(), access.jti(), access.expiresAt());
        String id = idToken
                ? issuer.idToken(new IdTokenRequest(family.subject(), client.clientId(), family.authTime(), nonce,
                        grant.acr(), grant.amr(), grant.claims(), access.token(),
                        client.metadata().idTokenSignedResponseAlg(), family.sessionId()))
                : null;
        String refresh = refreshScope != null ? refreshTokens.issue(family, refreshScope.toString()) : null;
        return new Issued(TokenResponse.of(access.token(), jkt, access.expiresIn(), refresh, id,
                accessScope.toString()), access);
    }

    public record Issued(TokenResponse response, IssuedAccessToken accessToken) {
    }
}
