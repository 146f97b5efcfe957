package dev.verifier.shared.security;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.resource-server.*}: how a Verifier service validates the access tokens presented to it.
 * Setting {@code audience} (the service's own base URL, e.g. {@code ${verifier.urls.registry}}) switches the
 * resource-server beans of this package on.
 *
 * @param audience  the value this service requires in the token's {@code aud} array
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat}; never more than {@link #MAX_CLOCK_SKEW}
 */
@ConfigurationProperties(ResourceServerConfiguration.PREFIX)
public record ResourceServerConfiguration(
        String audience,
        @Bindable(defaultValue = "30s") Duration clockSkew) {

    public static final String PREFIX = "verifier.resource-server";
    public static final String AUDIENCE = PREFIX + ".audience";
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

    /** The configured skew, clamped to 0 .. {@link #MAX_CLOCK_SKEW}. */
    public Duration boundedClockSkew() {
        if (clockSkew == null || clockSkew.isNegative()) {
            return Duration.ZERO;
        }
        return clockSkew.compareTo(MAX_CLOCK_SKEW) > 0 ? MAX_CLOCK_SKEW : clockSkew;
    }
}
