package dev.verifier.authorize.client;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.registry.*}: how authorize-service reads clients. It gets its registry token with the
 * client_credentials grant at token-service, as the bootstrap admin client ({@code VERIFIER_ADMIN_CLIENT_ID} /
 * {@code VERIFIER_ADMIN_CLIENT_SECRET}, bound here from {@code verifier.admin-client.*}).
 */
@ConfigurationProperties(RegistryConfiguration.PREFIX)
public record RegistryConfiguration(
        @Bindable(defaultValue = "5m") Duration cacheTtl,
        @Bindable(defaultValue = "3s") Duration timeout,
        @Nullable String adminClientId,
        @Nullable String adminClientSecret) {

    public static final String PREFIX = "verifier.registry";

    /** Without the secret: Micronaut logs beans as they are created (DEBUG). */
    @Override
    public String toString() {
        return "RegistryConfiguration[cacheTtl=" + cacheTtl + ", timeout=" + timeout + ", adminClientId="
                + adminClientId + ", adminClientSecret=" + (adminClientSecret == null ? null : "(redacted)") + "]";
    }
}
