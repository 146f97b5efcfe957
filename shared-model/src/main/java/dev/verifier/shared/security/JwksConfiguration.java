package dev.verifier.shared.security;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.resource-server.jwks.*}: how long a resource server keeps token-service's public keys, and how often
 * at most a token with an unknown {@code kid} may make it refetch them.
 */
@ConfigurationProperties(JwksConfiguration.PREFIX)
public record JwksConfiguration(
        @Bindable(defaultValue = "5m") Duration cacheTtl,
        @Bindable(defaultValue = "10s") Duration minRefreshInterval) {

    public static final String PREFIX = "verifier.resource-server.jwks";
}
