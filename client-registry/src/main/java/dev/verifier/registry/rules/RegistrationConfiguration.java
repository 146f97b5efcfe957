package dev.verifier.registry.rules;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.registration.*}: the bounds on sizes and counts of client metadata. Which scopes a client may hold is
 * data (the registered APIs, {@code client.ClientScopeRules}); the former {@code known-scopes} setting stops the start
 * ({@code client.RetiredKnownScopes}).
 */
@ConfigurationProperties(RegistrationConfiguration.PREFIX)
public record RegistrationConfiguration(
        @Bindable(defaultValue = "20") int maxRedirectUris,
        @Bindable(defaultValue = "10") int maxRequestUris,
        @Bindable(defaultValue = "10") int maxJwksKeys,
        @Bindable(defaultValue = "10") int maxContacts,
        @Bindable(defaultValue = "2048") int maxUriLength,
        @Bindable(defaultValue = "200") int maxNameLength,
        @Bindable(defaultValue = "32768") int maxJwksBytes,
        @Bindable(defaultValue = "100") int maxPageSize) {

    public static final String PREFIX = "verifier.registration";
}
