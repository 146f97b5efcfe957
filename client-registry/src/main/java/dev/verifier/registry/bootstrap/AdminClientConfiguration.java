package dev.verifier.registry.bootstrap;

import dev.verifier.shared.security.AdminScopes;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code verifier.admin.client-id} / {@code client-secret} (environment {@code VERIFIER_ADMIN_CLIENT_ID} /
 * {@code VERIFIER_ADMIN_CLIENT_SECRET}): the bootstrap admin client seeded at start-up; unset means none.
 */
@ConfigurationProperties(AdminClientConfiguration.PREFIX)
public record AdminClientConfiguration(@Nullable String clientId, @Nullable String clientSecret) {

    public static final String PREFIX = "verifier.admin";
    public static final String SCOPE = String.join(" ", AdminScopes.ALL);

    /** Configured when the id is set (a missing or weak secret then stops the start). */
    public boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }

    /** Without the secret: Micronaut logs beans as they are created (DEBUG). */
    @Override
    public String toString() {
        return "AdminClientConfiguration[clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? null : "(redacted)") + "]";
    }
}
