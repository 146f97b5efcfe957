package dev.verifier.token.backchannel;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.backchannel.*}: how back-channel logout tokens are sent. Each delivery is tried at most
 * {@code maxAttempts} times, waiting {@code initialBackoff} doubled after each failure (at most {@code maxBackoff});
 * a copy that claims a delivery holds it for {@code lease} (a copy that dies mid-send leaves it to another after
 * that); rows that are done are kept {@code retention} for the record.
 */
@ConfigurationProperties(BackchannelConfiguration.PREFIX)
public record BackchannelConfiguration(
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "2s") Duration connectTimeout,
        @Bindable(defaultValue = "5s") Duration requestTimeout,
        @Bindable(defaultValue = "6") int maxAttempts,
        @Bindable(defaultValue = "2s") Duration initialBackoff,
        @Bindable(defaultValue = "10m") Duration maxBackoff,
        @Bindable(defaultValue = "60s") Duration lease,
        @Bindable(defaultValue = "20") int batchSize,
        @Bindable(defaultValue = "2m") Duration logoutTokenLifetime,
        @Bindable(defaultValue = "7d") Duration retention) {

    public static final String PREFIX = "verifier.backchannel";

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
    Duration backoff(int attempts) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
