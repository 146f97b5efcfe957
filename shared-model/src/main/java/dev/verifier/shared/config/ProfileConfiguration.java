package dev.verifier.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.profile.local=true} (set by the {@code local} environment that infra/run-local.sh uses): plain
 * {@code http} on loopback is accepted for redirect URIs, {@code jwks_uri} and {@code request_uri}, loopback passes the
 * fetch guard, cookies are not {@code Secure}. Off everywhere else.
 */
@ConfigurationProperties(ProfileConfiguration.PREFIX)
public record ProfileConfiguration(@Bindable(defaultValue = "false") boolean local) {

    public static final String PREFIX = "verifier.profile";
}
