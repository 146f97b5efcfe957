package dev.verifier.authorize.par;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.par.*}: how long a pushed request's {@code request_uri} can be used ({@code request-lifetime}, 60 s,
 * RFC 9126 §2.2 {@code expires_in}).
 */
@ConfigurationProperties(ParConfiguration.PREFIX)
public record ParConfiguration(@Bindable(defaultValue = "60s") Duration requestLifetime) {

    public static final String PREFIX = "verifier.par";
}
