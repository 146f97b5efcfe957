package dev.verifier.shared.config;

import java.net.URI;
import java.util.Set;

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

    public URI introspectionEndpoint() {
        return URI.create(strip(tokenService) + "/introspect");
    }

    public URI revocationEndpoint() {
        return URI.create(strip(tokenService) + "/revoke");
    }

    public URI parEndpoint() {
        return URI.create(issuerId() + "/par");
    }

    public URI deviceAuthorizationEndpoint() {
        return URI.create(issuerId() + "/device_authorization");
    }

    /**
     * The {@code aud} values a client assertion ({@code client_secret_jwt}, {@code private_key_jwt}) may name, at every
     * endpoint where a client authenticates: the issuer, the token endpoint (OIDC Core §9) and each endpoint that
     * takes client authentication, since libraries name the URL they post to (RFC 7523 §3: a value that identifies
     * this authorization server). Each of them identifies this server only; an assertion is single-use everywhere.
     */
    public Set<String> clientAssertionAudiences() {
        return Set.of(issuerId(), tokenEndpoint().toString(), introspectionEndpoint().toString(),
                revocationEndpoint().toString(), parEndpoint().toString(), deviceAuthorizationEndpoint().toString());
    }

    public static String strip(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
