package dev.verifier.token.client;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Reading clients from client-registry ({@code verifier.registry-client.*}).
 *
 * @param timeout  connect and request timeout of a registry call
 * @param cacheTtl how long a client stays cached (evicted earlier on ClientChanged)
 */
@ConfigurationProperties(RegistryConfiguration.PREFIX)
public record RegistryConfiguration(
        @Bindable(defaultValue = "3s") Duration timeout,
        @Bindable(defaultValue = "5m") Duration cacheTtl) {

    public static final String PREFIX = "verifier.registry-client";
}
