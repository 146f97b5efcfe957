package dev.verifier.authorize.device;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.device.*} (RFC 8628): how long a device authorization can be approved and polled
 * ({@code lifetime}, 10 min, the {@code expires_in} of §3.2), and the polling {@code interval} answered to the device
 * (5 s, the RFC's default; token-service adds 5 s per {@code slow_down}).
 */
@ConfigurationProperties(DeviceConfiguration.PREFIX)
public record DeviceConfiguration(
        @Bindable(defaultValue = "10m") Duration lifetime,
        @Bindable(defaultValue = "5s") Duration interval) {

    public static final String PREFIX = "verifier.device";

    public int intervalSeconds() {
        return (int) Math.max(1, interval.toSeconds());
    }
}
