package dev.verifier.token.keys;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Signing keys ({@code verifier.keys.*}).
 *
 * @param defaultAlgorithm  signs access tokens and ID tokens of clients without {@code id_token_signed_response_alg}
 * @param algorithms        the algorithms that get a key (RS256 and ES256)
 * @param rotationPeriod    how long a key signs before the next one takes over
 * @param prePublication    how long a new key is published in /jwks before it signs
 * @param refreshInterval   how often each copy re-reads the keys from the database (must be well under
 *                          {@code prePublication}: /jwks' {@code max-age} is their difference)
 * @param rotationCheck     how often each copy checks whether a rotation is due
 * @param nativeSigning     sign RS* and ES* with Amazon Corretto Crypto Provider where it loads (about half the CPU
 *                          of the JDK's RS256 on x86-64 Linux), else with the JDK ({@link SigningProvider})
 */
@ConfigurationProperties(KeysConfiguration.PREFIX)
public record KeysConfiguration(
        @Bindable(defaultValue = "RS256") String defaultAlgorithm,
        @Bindable(defaultValue = "RS256,ES256") List<String> algorithms,
        @Bindable(defaultValue = "30d") Duration rotationPeriod,
        @Bindable(defaultValue = "1h") Duration prePublication,
        @Bindable(defaultValue = "30s") Duration refreshInterval,
        @Bindable(defaultValue = "10m") Duration rotationCheck,
        @Bindable(defaultValue = "true") boolean nativeSigning) {

    public static final String PREFIX = "verifier.keys";

    /** /jwks may be cached this long: a key inserted now is in every copy's /jwks before a cached copy expires. */
    public Duration jwksMaxAge() {
        Duration age = prePublication.minus(refreshInterval);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
