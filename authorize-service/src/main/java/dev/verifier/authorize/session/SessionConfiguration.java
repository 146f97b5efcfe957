package dev.verifier.authorize.session;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code verifier.session.*}: SSO session idle and absolute time-outs and the cookie name. */
@ConfigurationProperties(SessionConfiguration.PREFIX)
public record SessionConfiguration(
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "12h") Duration absoluteTimeout,
        @Bindable(defaultValue = "verifier_session") String cookieName) {

    public static final String PREFIX = "verifier.session";
}
