package dev.verifier.registry.jwks;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.jwks.*}: how the registry fetches and caches clients' {@code jwks_uri}.
 *
 * @param minRefetchInterval at most one fetch per client within this interval when a caller asks for an unknown
 *                           {@code kid} or reports a failed signature, and after a failed fetch
 */
@ConfigurationProperties(JwksCacheConfiguration.PREFIX)
public record JwksCacheConfiguration(
        @Bindable(defaultValue = "2s") Duration connectTimeout,
        @Bindable(defaultValue = "3s") Duration readTimeout,
        @Bindable(defaultValue = "65536") int maxBytes,
        @Bindable(defaultValue = "5m") Duration minTtl,
        @Bindable(defaultValue = "24h") Duration maxTtl,
        @Bindable(defaultValue = "60s") Duration minRefetchInterval) {

    public static final String PREFIX = "verifier.jwks";

    /** {@code Cache-Control: max-age} clamped to {@code minTtl .. maxTtl}; no max-age means {@code minTtl}. */
    public Duration ttl(Duration maxAge) {
        if (maxAge == null || maxAge.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return maxAge.compareTo(maxTtl) > 0 ? maxTtl : maxAge;
    }
}
