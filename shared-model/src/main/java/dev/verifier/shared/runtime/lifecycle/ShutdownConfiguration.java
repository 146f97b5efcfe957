package dev.verifier.shared.runtime.lifecycle;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How a copy stops on SIGTERM ({@code verifier.shutdown.*}), the defaults here and only here.
 *
 * @param drainDelay   how long readiness answers 503 before the copy stops taking requests, so that a load balancer
 *                     checking {@code /health/readiness} stops sending to it first (HAProxy: a little more than its
 *                     check interval); requests still arriving meanwhile are served
 * @param drainTimeout how long, after the delay, the copy waits for the requests in flight to complete
 * @param exitDeadline the copy exits, whatever is still closing, this long after SIGTERM (a Kafka client waiting on a
 *                     broker that is gone, a stuck connection): a stop never needs SIGKILL
 */
@ConfigurationProperties(ShutdownConfiguration.PREFIX)
public record ShutdownConfiguration(
        @Bindable(defaultValue = "0s") Duration drainDelay,
        @Bindable(defaultValue = "2s") Duration drainTimeout,
        @Bindable(defaultValue = "6s") Duration exitDeadline) {

    public static final String PREFIX = "verifier.shutdown";
}
