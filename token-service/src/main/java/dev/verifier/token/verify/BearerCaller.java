package dev.verifier.token.verify;

import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AccessTokenRules;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.shared.security.BearerTokens;
import dev.verifier.shared.security.ResourceServerConfiguration;
import dev.verifier.token.issue.Audiences;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The caller of one of token-service's own protected endpoints (key rotation, the internal jti store), checked as
 * every Verifier resource server checks its callers: a bearer access token signed here ({@link AccessTokenVerifier}),
 * accepted by {@link AccessTokenRules} for token-service's admin audience ({@code {token-service}/admin}) with the
 * one access-token skew ({@code verifier.resource-server.clock-skew}), holding the endpoint's scope as
 * {@link AdminScopes#honoured} counts it (a token issued to a client for itself, never a user token). The answers
 * are {@link BearerTokens}': 401 without a token (a bare {@code Bearer} challenge) or with an invalid one, 403
 * {@code insufficient_scope} without the scope.
 */
@Singleton
public class BearerCaller {

    private final AccessTokenVerifier tokens;
    private final AccessTokenRules rules;

    BearerCaller(AccessTokenVerifier tokens, Audiences audiences, VerifierUrls urls,
                 ResourceServerConfiguration resourceServer) {
        this.tokens = tokens;
        this.rules = new AccessTokenRules(urls.issuerId(), Set.of(audiences.tokenServiceAdmin()),
                resourceServer.clockSkew());
    }

    /** The caller's client id (the token's {@code client_id}, else its {@code sub}). */
    public String require(@Nullable String authorization, String scope) {
        String token = BearerTokens.of(authorization).orElseThrow(BearerTokens::missing);
        JWTClaimsSet claims = tokens.verify(token, rules).orElseThrow(BearerTokens::invalid);
        Object clientId = claims.getClaim("client_id");
        if (!AdminScopes.honoured(Scopes.parse((String) claims.getClaim("scope")).values(), claims.getAudience(),
                claims.getSubject(), clientId, rules.audiences()).contains(scope)) {
            throw BearerTokens.insufficientScope();
        }
        return clientId != null ? clientId.toString() : claims.getSubject();
    }
}
