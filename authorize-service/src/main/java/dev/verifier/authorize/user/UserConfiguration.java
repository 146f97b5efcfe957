package dev.verifier.authorize.user;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.users.*}: the PBKDF2 cost (OWASP 2023+: 600,000 iterations for PBKDF2-HMAC-SHA256; tests lower it)
 * and the minimum password length.
 */
@ConfigurationProperties(UserConfiguration.PREFIX)
public record UserConfiguration(
        @Bindable(defaultValue = "600000") int passwordIterations,
        @Bindable(defaultValue = "8") int passwordMinLength) {

    public static final String PREFIX = "verifier.users";
}
