package dev.verifier.token.grant.clientcredentials;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.token.grant.GrantHandler;
import dev.verifier.token.grant.Params;
import dev.verifier.token.grant.TokenRequest;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.issue.AccessTokenRequest;
import dev.verifier.token.issue.Audiences;
import dev.verifier.token.issue.IssuedAccessToken;
import dev.verifier.token.issue.TokenIssuer;
import jakarta.inject.Singleton;

/**
 * {@code client_credentials} (RFC 6749 §4.4; confidential clients only, checked by
 * {@link dev.verifier.shared.client.ClientGrants} before the handler runs): the scope asked (default: every registered
 * scope but the OpenID Connect user scopes; with {@code resource} and no {@code scope}, those of the named APIs) must
 * be within the registered scope and hold no user scope; the audience and the token's scope and lifetime follow
 * {@link Audiences} (RFC 8707 {@code resource}, or the API owning the scope); no refresh token, no ID token.
 */
@Singleton
class ClientCredentialsGrant implements GrantHandler {

    private final TokenIssuer issuer;
    private final Audiences audiences;
    private final AuditEvents audit;

    ClientCredentialsGrant(TokenIssuer issuer, Audiences audiences, AuditEvents audit) {
        this.issuer = issuer;
        this.audiences = audiences;
        this.audit = audit;
    }

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public TokenResponse handle(TokenRequest request, RegisteredClient client) {
        Scopes asked = askedScope(request, Scopes.parse(client.metadata().scope()));
        if (!AdminScopes.internal(asked.values()).isEmpty() && !client.metadata().admitsAdminScopes()) {
            throw OAuthError.INVALID_SCOPE.exception("internal scopes are granted only to verifier_admin clients");
        }
        Audience audience = audiences.forClient(client, asked, request.param(Params.SCOPE).isPresent(),
                request.resources());
        IssuedAccessToken token = issuer.accessToken(new AccessTokenRequest(client.clientId(), client.clientId(),
                audience.scope(), audiences.aud(audience), null, audiences.lifetime(audience), request.dpopJkt()));
        audit.event(AuditType.TOKENS_ISSUED).actor(client.clientId()).client(client.clientId())
                .detail("grant_type", grantType().value()).detail("scope", audience.scope())
                .detail("jti", token.jti()).emit();
        return TokenResponse.of(token.token(), request.dpopJkt(), token.expiresIn(), null, null,
                audience.scope().toString());
    }

    /**
     * The scope asked, or by default every registered scope that a token without a user can carry (none for a client
 * registered without scope, as before); a client registered only with user scopes is told so. The description of
     * a refusal names what is wrong (a user scope, a scope the client was not registered with, or nothing usable).
     */
    private static Scopes askedScope(TokenRequest request, Scopes registered) {
        Scopes withoutUser = registered.withoutUserScopes();
        if (request.param(Params.SCOPE).isEmpty()) {
            if (withoutUser.isEmpty() && !registered.isEmpty()) {
                throw OAuthError.INVALID_SCOPE.exception("no scope was asked and this client has no registered scope "
                        + "usable without a user (client_credentials cannot carry " + Scopes.USER_SCOPES + ")");
            }
            return withoutUser;
        }
        Scopes asked = Scopes.parse(request.param(Params.SCOPE).get());
        if (!asked.withoutUserScopes().equals(asked)) {
            throw OAuthError.INVALID_SCOPE.exception("client_credentials tokens have no user: the scopes "
                    + Scopes.USER_SCOPES + " cannot be asked");
        }
        if (!asked.isSubsetOf(registered)) {
            throw OAuthError.INVALID_SCOPE.exception("the scope asked is not registered for this client");
        }
        return asked;
    }
}
