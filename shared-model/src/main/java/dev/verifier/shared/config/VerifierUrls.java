package dev.verifier.shared.config;

import java.net.URI;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where each Verifier service is reached, as the other services and the tokens name it ({@code verifier.urls.*},
 * environment {@code VERIFIER_URLS_ISSUER}, {@code VERIFIER_URLS_TOKEN_SERVICE}, …). The issuer is authorize-service's
 * public URL. Every resource server's access-token audience is its own URL here.
 */
@ConfigurationProperties(VerifierUrls.PREFIX)
public record VerifierUrls(
        @Bindable(defaultValue = "http://localhost:9000") URI issuer,
        @Bindable(defaultValue = "http://localhost:9001") URI tokenService,
        @Bindable(defaultValue = "http://localhost:9002") URI registry,
        @Bindable(defaultValue = "http://localhost:9003") URI resourceApi) {

    public static final String PREFIX = "verifier.urls";

    /** The issuer as it appears in {@code iss} claims and the RFC 9207 {@code iss} parameter (no trailing slash). */
    public String issuerId() {
        return strip(issuer);
    }

    public URI jwksUri() {
        return URI.create(strip(tokenService) + "/jwks");
    }

    public URI tokenEndpoint() {
        return URI.create(strip(tokenService) + "/token");
    }

    public static String strip(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
