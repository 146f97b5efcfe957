package dev.verifier.registry.bootstrap;

import dev.verifier.shared.security.AdminScopes;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code verifier.authorize.client-id} / {@code client-secret} (environment {@code VERIFIER_AUTHORIZE_CLIENT_ID} /
 * {@code VERIFIER_AUTHORIZE_CLIENT_SECRET}): authorize-service's own service client, seeded at start-up with scope
 * {@value #SCOPE} only (what it needs to read clients and record assertion jtis); unset means none.
 */
@ConfigurationProperties(AuthorizeClientConfiguration.PREFIX)
public record AuthorizeClientConfiguration(@Nullable String clientId, @Nullable String clientSecret) {

    public static final String PREFIX = "verifier.authorize";
    public static final String SCOPE = AdminScopes.REGISTRY_READ + " " + AdminScopes.JTI_RECORD;

    public boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }

    /** Without the secret: Micronaut logs beans as they are created (DEBUG). */
    @Override
    public String toString() {
        return "AuthorizeClientConfiguration[clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? null : "(redacted)") + "]";
    }
}
