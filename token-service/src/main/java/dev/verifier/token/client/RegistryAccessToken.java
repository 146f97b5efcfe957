package dev.verifier.token.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.token.issue.AccessTokenRequest;
import dev.verifier.token.issue.IssuedAccessToken;
import dev.verifier.token.issue.TokenIssuer;
import jakarta.inject.Singleton;

/**
 * token-service's bearer token for the registry's internal API: an access token it signs itself (sub and client_id
 * {@code token-service}, scope {@code registry.read}, aud the registry's admin audience), so it never needs a token from anyone.
 * Reused until a minute before it expires.
 */
@Singleton
class RegistryAccessToken {

    static final String SELF = "token-service";
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final TokenIssuer issuer;
    private final VerifierUrls urls;
    private final Clock clock;
    private volatile IssuedAccessToken current;

    RegistryAccessToken(TokenIssuer issuer, VerifierUrls urls, Clock clock) {
        this.issuer = issuer;
        this.urls = urls;
        this.clock = clock;
    }

    String get() {
        IssuedAccessToken token = current;
        if (token == null || clock.instant().plus(MARGIN).isAfter(token.expiresAt())) {
            token = issuer.accessToken(new AccessTokenRequest(SELF, SELF, Scopes.parse(AdminScopes.REGISTRY_READ),
                    List.copyOf(AdminScopes.audiences(urls, List.of(AdminScopes.REGISTRY_READ))), null));
            current = token;
        }
        return token.token();
    }
}
