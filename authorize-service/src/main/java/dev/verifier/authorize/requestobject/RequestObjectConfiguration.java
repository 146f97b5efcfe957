package dev.verifier.authorize.requestobject;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.request-object.*}: how far ahead a request object's {@code exp} may be ({@code max-lifetime},
 * 10 min), the clock skew tolerated on {@code exp}/{@code nbf}/{@code iat} (30 s), and the limits of a
 * {@code request_uri} fetch: connect time-out (2 s), time-out for the whole answer (3 s), and size (32 KiB).
 */
@ConfigurationProperties(RequestObjectConfiguration.PREFIX)
public record RequestObjectConfiguration(
        @Bindable(defaultValue = "10m") Duration maxLifetime,
        @Bindable(defaultValue = "30s") Duration clockSkew,
        @Bindable(defaultValue = "2s") Duration fetchConnectTimeout,
        @Bindable(defaultValue = "3s") Duration fetchTimeout,
        @Bindable(defaultValue = "32768") int fetchMaxBytes) {

    public static final String PREFIX = "verifier.request-object";
}
