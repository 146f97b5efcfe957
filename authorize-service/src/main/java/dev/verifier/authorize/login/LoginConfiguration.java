package dev.verifier.authorize.login;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.login.*}: failed-login throttling. After {@code account-limit} failures for one username, or
 * {@code address-limit} failures from one source address, within {@code throttle-window}, further attempts are
 * refused until the oldest failure leaves the window. The source address is shared-model's {@code SourceAddresses}
 * (the socket peer, or {@code X-Forwarded-For} from a proxy listed in {@code verifier.http.trusted-proxies}).
 * {@code client-address-header}, which used to trust that header from any peer, is still read but ignored (a warning
 * at start-up says to set {@code verifier.http.trusted-proxies} instead).
 */
@ConfigurationProperties(LoginConfiguration.PREFIX)
public record LoginConfiguration(
        @Bindable(defaultValue = "15m") Duration throttleWindow,
        @Bindable(defaultValue = "5") int accountLimit,
        @Bindable(defaultValue = "20") int addressLimit,
        @Nullable String clientAddressHeader) {

    public static final String PREFIX = "verifier.login";
}
