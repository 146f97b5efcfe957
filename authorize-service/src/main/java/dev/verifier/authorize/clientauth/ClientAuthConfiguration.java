package dev.verifier.authorize.clientauth;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.client-auth.*}: client assertions at /par (client_secret_jwt, private_key_jwt) may expire at most
 * {@code assertion-max-lifetime} ahead (5 min), with {@code clock-skew} (30 s) on {@code exp}/{@code nbf}/{@code iat}.
 */
@ConfigurationProperties(ClientAuthConfiguration.PREFIX)
public record ClientAuthConfiguration(
        @Bindable(defaultValue = "5m") Duration assertionMaxLifetime,
        @Bindable(defaultValue = "30s") Duration clockSkew) {

    public static final String PREFIX = "verifier.client-auth";
}
