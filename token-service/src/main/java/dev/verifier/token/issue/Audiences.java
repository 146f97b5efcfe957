package dev.verifier.token.issue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import jakarta.inject.Singleton;

/**
 * The access-token audience rule of the contract: user tokens are for the issuer (userinfo) and resource-api, never an
 * admin audience; client_credentials tokens carry the admin audience of each service whose internal scope they hold
 * ({@link AdminScopes#audiences}: registry, issuer or token-service URL + {@code /admin}), and resource-api for any
 * other scope (or none).
 */
@Singleton
public class Audiences {

    private final VerifierUrls urls;

    Audiences(VerifierUrls urls) {
        this.urls = urls;
    }

    public List<String> forUser() {
        return List.of(urls.issuerId(), VerifierUrls.strip(urls.resourceApi()));
    }

    public List<String> forClient(Scopes scope) {
        Set<String> aud = new LinkedHashSet<>(AdminScopes.audiences(urls, scope.values()));
        if (aud.isEmpty() || scope.values().stream().anyMatch(s -> !AdminScopes.isInternal(s))) {
            aud.add(VerifierUrls.strip(urls.resourceApi()));
        }
        return List.copyOf(aud);
    }

    /** token-service's own admin audience (key rotation, the internal jti store). */
    public String tokenServiceAdmin() {
        return AdminScopes.adminAudience(VerifierUrls.strip(urls.tokenService()));
    }
}
