package dev.verifier.authorize.userinfo;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.userinfo.*}.
 *
 * @param revocationCacheTtl how long token-service's "still active" answer for an access token is reused: a token
 *                           revoked at token-service is refused here at most this much later (0: ask every time)
 */
@ConfigurationProperties(UserInfoConfiguration.PREFIX)
public record UserInfoConfiguration(@Bindable(defaultValue = "5s") Duration revocationCacheTtl) {

    public static final String PREFIX = "verifier.userinfo";
}
