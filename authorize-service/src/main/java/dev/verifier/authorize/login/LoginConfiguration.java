package dev.verifier.authorize.login;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.login.*}: failed-login throttling. After {@code account-limit} failures for one username, or
 * {@code address-limit} failures from one source address, within {@code throttle-window}, further attempts are
 * refused until the oldest failure leaves the window.
 */
@ConfigurationProperties(LoginConfiguration.PREFIX)
public record LoginConfiguration(
        @Bindable(defaultValue = "15m") Duration throttleWindow,
        @Bindable(defaultValue = "5") int accountLimit,
        @Bindable(defaultValue = "20") int addressLimit) {

    public static final String PREFIX = "verifier.login";
}
