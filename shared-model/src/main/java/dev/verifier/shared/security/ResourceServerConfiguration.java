package dev.verifier.shared.security;

import java.security.Provider;
import java.time.Duration;
import java.util.Set;

import dev.verifier.shared.jose.NativeCrypto;
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
 * @param nativeVerification check signatures with the native provider where it loads
 *                  ({@link dev.verifier.shared.jose.NativeCrypto}; default true), else with the JDK's
 */
@ConfigurationProperties(ResourceServerConfiguration.PREFIX)
public record ResourceServerConfiguration(
        @Nullable String audience,
        @Bindable(defaultValue = "30s") Duration clockSkew,
        @Bindable(defaultValue = "false") boolean acceptLegacyAdminAudience,
        @Bindable(defaultValue = "true") boolean nativeVerification) {

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

    /** The JCA provider that checks signatures: the native one when switched on and loaded, else null (the JDK's). */
    public @Nullable Provider verificationProvider() {
        return nativeVerification ? NativeCrypto.provider().orElse(null) : null;
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
