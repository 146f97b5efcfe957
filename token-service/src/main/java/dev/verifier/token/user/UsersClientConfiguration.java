package dev.verifier.token.user;

import java.net.URI;
import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Reading users' current claims from authorize-service ({@code verifier.users-client.*}).
 *
 * @param url     authorize-service's base URL as token-service reaches it ({@code VERIFIER_USERS_CLIENT_URL}; the
 *                issuer when unset, which is where authorize-service runs locally; behind an ingress that does not
 *                route {@code /internal}, its in-cluster address)
 * @param timeout connect and request timeout of the call
 * @param claimsCacheTtl how long claims read for a refresh are used again for further refreshes of the same user and
 *                scope before they are read again ({@code VERIFIER_USERS_CLIENT_CLAIMS_CACHE_TTL}; {@code 0s}: read on
 *                every refresh). A user's ended sessions (logout, disabled, deleted, new password) drop them at once
 *                on the copy that handles that event
 * @param claimsCacheSize at most this many subject-and-scope entries are kept
 */
@ConfigurationProperties(UsersClientConfiguration.PREFIX)
public record UsersClientConfiguration(
        @Nullable URI url,
        @Bindable(defaultValue = "3s") Duration timeout,
        @Bindable(defaultValue = "30s") Duration claimsCacheTtl,
        @Bindable(defaultValue = "10000") int claimsCacheSize) {

    public static final String PREFIX = "verifier.users-client";
}
