package dev.verifier.shared.security;

import java.time.Duration;
import java.util.Set;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.resource-server.*}: how a Verifier service validates the access tokens presented to it.
 * Setting {@code audience} (the service's own base URL, e.g. {@code ${verifier.urls.registry}}) switches the
 * resource-server beans of this package on. token-service, which takes access tokens only at its own internal APIs
 * and sets no audience, reads {@code clock-skew} here too: one access-token skew for every service.
 *
 * @param audience  the value this service requires in the token's {@code aud} array
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat}; never more than {@link #MAX_CLOCK_SKEW}
 * @param acceptLegacyAdminAudience upgrade window only: also count the admin scopes of a service token (never a user
 *                  token) that carries {@code audience} instead of the admin audience, as the previous release
 *                  issued them ({@code VERIFIER_RESOURCE_SERVER_ACCEPT_LEGACY_ADMIN_AUDIENCE}, default false)
 */
@ConfigurationProperties(ResourceServerConfiguration.PREFIX)
public record ResourceServerConfiguration(
        @Nullable String audience,
        @Bindable(defaultValue = "30s") Duration clockSkew,
        @Bindable(defaultValue = "false") boolean acceptLegacyAdminAudience) {

    public static final String PREFIX = "verifier.resource-server";
    public static final String AUDIENCE = PREFIX + ".audience";
    public static final Duration MAX_CLOCK_SKEW = AccessTokenRules.MAX_CLOCK_SKEW;

    /**
     * The admin audience of this service ({@code audience} + {@code /admin}): the admin (internal) scopes of a token
     * count only with it, see {@link AdminScopes}.
     */
    public String adminAudience() {
        return AdminScopes.adminAudience(audience);
    }

    /** The configured skew, clamped to 0 .. {@link #MAX_CLOCK_SKEW}. */
    public Duration boundedClockSkew() {
        return AccessTokenRules.bounded(clockSkew);
    }

    /** The checks of a token for this resource server: its audience or its admin audience, from {@code issuer}. */
    public AccessTokenRules rules(String issuer) {
        return new AccessTokenRules(issuer, Set.of(audience, adminAudience()), clockSkew);
    }
}
