package dev.verifier.token.issue;

import java.util.List;

import dev.verifier.shared.config.VerifierUrls;
import jakarta.inject.Singleton;

/**
 * The access-token audience rule of the contract: user tokens are for the issuer (userinfo) and resource-api;
 * client_credentials tokens are for the registry when a {@code registry.*} scope is asked, the issuer for
 * {@code users.admin}, token-service for {@code keys.admin} and {@code jti.record}, and resource-api otherwise.
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
        java.util.LinkedHashSet<String> aud = new java.util.LinkedHashSet<>();
        if (scope.values().stream().anyMatch(s -> s.startsWith("registry."))) {
            aud.add(VerifierUrls.strip(urls.registry()));
        }
        if (scope.contains("users.admin")) {
            aud.add(urls.issuerId());
        }
        if (scope.contains("keys.admin") || scope.contains("jti.record")) {
            aud.add(tokenService());
        }
        if (aud.isEmpty()) {
            aud.add(VerifierUrls.strip(urls.resourceApi()));
        }
        return List.copyOf(aud);
    }

    public String tokenService() {
        return VerifierUrls.strip(urls.tokenService());
    }
}
