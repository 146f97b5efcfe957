package dev.verifier.registry.api;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.apis.*}: the bounds on a registered API (name length, number of scopes, length of a scope's
 * description, the range of {@code access_token_lifetime}), the page size of {@code GET /apis}, and how many clients
 * a refusal names.
 */
@ConfigurationProperties(ApiConfiguration.PREFIX)
public record ApiConfiguration(
        @Bindable(defaultValue = "200") int maxNameLength,
        @Bindable(defaultValue = "100") int maxScopes,
        @Bindable(defaultValue = "300") int maxDescriptionLength,
        @Bindable(defaultValue = "60s") Duration minAccessTokenLifetime,
        @Bindable(defaultValue = "1d") Duration maxAccessTokenLifetime,
        @Bindable(defaultValue = "100") int maxPageSize,
        @Bindable(defaultValue = "10") int maxClientsNamed) {

    public static final String PREFIX = "verifier.apis";
}
