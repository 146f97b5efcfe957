package dev.verifier.authorize.login;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.login.*}: failed-login throttling. After {@code account-limit} failures for one username, or
 * {@code address-limit} failures from one source address, within {@code throttle-window}, further attempts are
 * refused until the oldest failure leaves the window. The source address is the connection's peer, unless
 * {@code client-address-header} names a header set by a trusted reverse proxy (e.g. {@code X-Forwarded-For}, whose
 * right-most entry, the one that proxy appended, is used). Never trust such a header without a proxy that sets it.
 */
@ConfigurationProperties(LoginConfiguration.PREFIX)
public record LoginConfiguration(
        @Bindable(defaultValue = "15m") Duration throttleWindow,
        @Bindable(defaultValue = "5") int accountLimit,
        @Bindable(defaultValue = "20") int addressLimit,
        @Nullable String clientAddressHeader) {

    public static final String PREFIX = "verifier.login";
}
