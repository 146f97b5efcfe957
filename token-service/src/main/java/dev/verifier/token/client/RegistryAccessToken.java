package dev.verifier.token.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.token.issue.AccessTokenRequest;
import dev.verifier.token.issue.IssuedAccessToken;
import dev.verifier.token.issue.TokenIssuer;
import jakarta.inject.Singleton;

/**
 * token-service's bearer tokens for the other services' internal APIs: access tokens it signs itself (sub and
 * client_id {@code token-service}, the scope asked, aud the admin audience of the service owning that scope), so it
 * never needs a token from anyone: {@code registry.read} for the registry, {@code users.admin} for authorize-service's
 * user claims. Each reused until a minute before it expires.
 */
@Singleton
public class RegistryAccessToken {

    static final String SELF = "token-service";
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final TokenIssuer issuer;
    private final VerifierUrls urls;
    private final Clock clock;
    private final Map<String, IssuedAccessToken> current = new ConcurrentHashMap<>();

    RegistryAccessToken(TokenIssuer issuer, VerifierUrls urls, Clock clock) {
        this.issuer = issuer;
        this.urls = urls;
        this.clock = clock;
    }

    String get() {
        return forScope(AdminScopes.REGISTRY_READ);
    }

    /** A token with the internal scope {@code scope}, for the admin audience of its service. */
    public String forScope(String scope) {
        IssuedAccessToken token = current.get(scope);
        if (token == null || clock.instant().plus(MARGIN).isAfter(token.expiresAt())) {
            token = issuer.accessToken(new AccessTokenRequest(SELF, SELF, Scopes.parse(scope),
                    List.copyOf(AdminScopes.audiences(urls, List.of(scope))), null));
            current.put(scope, token);
        }
        return token.token();
    }
}
