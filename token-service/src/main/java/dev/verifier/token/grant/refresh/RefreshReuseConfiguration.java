package dev.verifier.token.grant.refresh;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Refresh-token reuse ({@code verifier.tokens.*}), its default here and only here.
 *
 * @param refreshReuseGrace how long after its rotation a refresh token may still be presented once more, as the retry
 *                          of a refresh whose answer never reached the client (a copy died, the connection dropped);
 *                          0 (the default) is strict: any reuse revokes the family at once (RFC 9700 §4.14.2)
 */
@ConfigurationProperties(RefreshReuseConfiguration.PREFIX)
public record RefreshReuseConfiguration(@Bindable(defaultValue = "0s") Duration refreshReuseGrace) {

    public static final String PREFIX = "verifier.tokens";
}
