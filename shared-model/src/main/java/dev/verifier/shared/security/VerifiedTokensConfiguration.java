package dev.verifier.shared.security;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.resource-server.verified-tokens.*}: how many access tokens whose signature was checked a service
 * remembers, and for how long ({@link dev.verifier.shared.jose.VerifiedTokens}); {@code max-entries: 0} remembers none.
 */
@ConfigurationProperties(VerifiedTokensConfiguration.PREFIX)
public record VerifiedTokensConfiguration(
        @Bindable(defaultValue = "1000") int maxEntries,
        @Bindable(defaultValue = "5m") Duration ttl) {

    public static final String PREFIX = "verifier.resource-server.verified-tokens";
}
