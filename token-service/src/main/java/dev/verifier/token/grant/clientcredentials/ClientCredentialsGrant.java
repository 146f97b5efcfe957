package dev.verifier.token.grant.clientcredentials;

import dev.verifier.shared.audit.AuditEvents;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.token.endpoint.Params;
import dev.verifier.token.endpoint.TokenRequest;
import dev.verifier.token.endpoint.TokenResponse;
import dev.verifier.token.grant.GrantHandler;
import dev.verifier.token.issue.AccessTokenRequest;
import dev.verifier.token.issue.Audiences;
import dev.verifier.token.issue.IssuedAccessToken;
import dev.verifier.token.issue.Scopes;
import dev.verifier.token.issue.TokenIssuer;
import jakarta.inject.Singleton;

/**
 * {@code client_credentials} (RFC 6749 §4.4): confidential clients only; the scope asked (default: all the client's
 * registered scope) must be within the registered scope; no refresh token, no ID token.
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
        if (client.isPublic()) {
            throw OAuthError.UNAUTHORIZED_CLIENT.exception("client_credentials is for confidential clients");
        }
        Scopes registered = Scopes.parse(client.metadata().scope());
        Scopes asked = request.param(Params.SCOPE).map(Scopes::parse).orElse(registered);
        if (!asked.isSubsetOf(registered) || asked.contains(Scopes.OPENID) || asked.contains(Scopes.OFFLINE_ACCESS)) {
            throw OAuthError.INVALID_SCOPE.exception("the scope asked is not allowed for this client");
        }
        if (!AdminScopes.internal(asked.values()).isEmpty() && !client.metadata().admitsAdminScopes()) {
            throw OAuthError.INVALID_SCOPE.exception("internal scopes are granted only to verifier_admin clients");
        }
        IssuedAccessToken token = issuer.accessToken(new AccessTokenRequest(client.clientId(), client.clientId(),
                asked, audiences.forClient(asked), null));
        audit.event(AuditType.TOKENS_ISSUED).actor(client.clientId()).client(client.clientId())
                .detail("grant_type", grantType().value()).detail("scope", asked).detail("jti", token.jti()).emit();
        return TokenResponse.bearer(token.token(), token.expiresIn(), null, null, asked.toString());
    }
}
