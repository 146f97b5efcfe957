package dev.verifier.authorize.user;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.users.*}: the minimum password length. The password hash's cost is
 * {@link dev.verifier.authorize.password.PasswordHashingConfiguration} ({@code verifier.passwords.*}).
 */
@ConfigurationProperties(UserConfiguration.PREFIX)
public record UserConfiguration(
        @Bindable(defaultValue = "8") int passwordMinLength) {

    public static final String PREFIX = "verifier.users";
}
