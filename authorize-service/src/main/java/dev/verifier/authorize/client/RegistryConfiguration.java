package dev.verifier.authorize.client;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.registry.*}: how authorize-service reads clients. It gets its tokens for the other services with the
 * client_credentials grant at token-service, as its own service client ({@code VERIFIER_AUTHORIZE_CLIENT_ID} /
 * {@code VERIFIER_AUTHORIZE_CLIENT_SECRET}, bound here as {@code verifier.registry.client-id} / {@code client-secret};
 * seeded by client-registry with scope {@code registry.read jti.record} only), never as the bootstrap admin client.
 */
@ConfigurationProperties(RegistryConfiguration.PREFIX)
public record RegistryConfiguration(
        @Bindable(defaultValue = "5m") Duration cacheTtl,
        @Bindable(defaultValue = "3s") Duration timeout,
        @Nullable String clientId,
        @Nullable String clientSecret) {

    public static final String PREFIX = "verifier.registry";

    /** Without the secret: Micronaut logs beans as they are created (DEBUG). */
    @Override
    public String toString() {
        return "RegistryConfiguration[cacheTtl=" + cacheTtl + ", timeout=" + timeout + ", clientId="
                + clientId + ", clientSecret=" + (clientSecret == null ? null : "(redacted)") + "]";
    }
}
