package dev.verifier.token.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Token lifetimes and grant behaviour ({@code verifier.token.*}), with their safe defaults here and only here. Client
 * assertions are timed by {@code verifier.client-auth.*} ({@link dev.verifier.shared.clientauth.ClientAssertionTiming},
 * which still reads the former {@code verifier.token.clock-skew} and {@code .assertion-max-lifetime}).
 *
 * @param accessTokenLifetime       RFC 9068 access tokens
 * @param idTokenLifetime           OIDC ID tokens
 * @param refreshIdleLifetime       a refresh token unused this long expires (sliding)
 * @param refreshAbsoluteLifetime   no refresh token of a grant outlives this, counted from the code exchange
 * @param rotateConfidentialRefresh rotate refresh tokens of confidential clients too (public ones always rotate)
 * @param codeWait                  how long /token waits for a code-issued event that has not arrived yet
 * @param codePoll                  no longer used (waiting requests are woken by this copy's listener, never
 *                                  poll); still read so that an old configuration starts
 * @param purgeInterval             how often expired codes, jtis, revoked-token entries and grants are deleted
 * @param purgeFirstAfter           how long after start-up the first of those purges runs (a copy restarted more
 *                                  often than every {@code purgeInterval} still purges; as authorize-service's purges)
 * @param consumedCodeRetention     how long a used code is kept after it expired, to detect its reuse
 * @param codeLifetime              the longest code lifetime ({@code expires_at - issued_at}) a code-issued event may
 *                                  carry: authorize-service's {@code verifier.authorize.code-lifetime} (keep equal)
 */
@ConfigurationProperties(TokenConfiguration.PREFIX)
public record TokenConfiguration(
        @Bindable(defaultValue = "10m") Duration accessTokenLifetime,
        @Bindable(defaultValue = "10m") Duration idTokenLifetime,
        @Bindable(defaultValue = "14d") Duration refreshIdleLifetime,
        @Bindable(defaultValue = "90d") Duration refreshAbsoluteLifetime,
        @Bindable(defaultValue = "true") boolean rotateConfidentialRefresh,
        @Bindable(defaultValue = "2s") Duration codeWait,
        @Bindable(defaultValue = "200ms") Duration codePoll,
        @Bindable(defaultValue = "5m") Duration purgeInterval,
        @Bindable(defaultValue = "1m") Duration purgeFirstAfter,
        @Bindable(defaultValue = "1d") Duration consumedCodeRetention,
        @Bindable(defaultValue = "60s") Duration codeLifetime) {

    public static final String PREFIX = "verifier.token";

    /**
     * How long a signing key stays published after it stops signing: every token it signed has expired, even for a
     * validator allowing {@code validatorSkew} (the access-token skew, {@code verifier.resource-server.clock-skew}).
     */
    public Duration signedTokenRetention(Duration validatorSkew) {
        Duration longest = accessTokenLifetime.compareTo(idTokenLifetime) > 0 ? accessTokenLifetime : idTokenLifetime;
        return longest.plus(validatorSkew);
    }
}
