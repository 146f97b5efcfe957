package dev.verifier.token.issue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The caller of one of token-service's own protected endpoints (key rotation, the internal jti store): a bearer
 * access token issued by this service to a client for itself ({@code sub} = {@code client_id}, never a user token),
 * for token-service's admin audience ({@code {token-service}/admin}, {@link AdminScopes}), holding the endpoint's scope. RFC 6750
 * errors: {@code invalid_token} (401) without a valid token, {@code insufficient_scope} (403) without the scope.
 */
@Singleton
public class BearerCaller {

    private final AccessTokenVerifier tokens;
    private final Audiences audiences;

    BearerCaller(AccessTokenVerifier tokens, Audiences audiences) {
        this.tokens = tokens;
        this.audiences = audiences;
    }

    /** The caller's client id (the token's {@code client_id}, else its {@code sub}). */
    public String require(@Nullable String authorization, String scope) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw OAuthError.INVALID_TOKEN.exception("a bearer access token is required");
        }
        JWTClaimsSet claims = tokens.verify(authorization.substring(7).trim())
                .filter(c -> c.getAudience().contains(audiences.tokenServiceAdmin()))
                .orElseThrow(() -> OAuthError.INVALID_TOKEN.exception("the access token is invalid"));
        if (!AdminScopes.isServiceCaller(claims.getSubject(), claims.getClaim("client_id"))) {
            throw OAuthError.INVALID_TOKEN.exception("admin APIs refuse tokens issued to a user");
        }
        if (!Scopes.parse((String) claims.getClaim("scope")).contains(scope)) {
            throw OAuthError.INSUFFICIENT_SCOPE.exception("scope " + scope + " is required");
        }
        Object clientId = claims.getClaim("client_id");
        return clientId != null ? clientId.toString() : claims.getSubject();
    }
}
