package dev.verifier.shared.clientauth;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How client assertions ({@code client_secret_jwt}, {@code private_key_jwt}) are timed wherever they are checked:
 * token-service's /token, /introspect and /revoke, authorize-service's /par, and the bounds of the shared jti store.
 * One setting for every service, so the same assertion gets the same leeway everywhere.
 * <ul>
 *   <li>{@value #CLOCK_SKEW} (default 60 s): leeway on {@code exp}, {@code nbf} and {@code iat}.</li>
 *   <li>{@value #MAX_LIFETIME} (default 60 min): how far ahead {@code exp} may be. An hour, as Okta allows and
 *   Authlib's assertions use by default; each assertion is single-use whatever its lifetime.</li>
 * </ul>
 * token-service's former names {@value #LEGACY_CLOCK_SKEW} and {@value #LEGACY_MAX_LIFETIME} are still read: set
 * alone, the old name is used (with a warning saying what to rename); set beside the new name with another value,
 * the service does not start and says which one to remove.
 */
public record ClientAssertionTiming(Duration clockSkew, Duration maxLifetime) {

    public static final String PREFIX = "verifier.client-auth";
    public static final String CLOCK_SKEW = PREFIX + ".clock-skew";
    public static final String MAX_LIFETIME = PREFIX + ".assertion-max-lifetime";
    public static final String LEGACY_CLOCK_SKEW = "verifier.token.clock-skew";
    public static final String LEGACY_MAX_LIFETIME = "verifier.token.assertion-max-lifetime";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(60);

    private static final Logger LOG = LoggerFactory.getLogger(ClientAssertionTiming.class);

    /** The timing from configuration: {@code property} answers a property's value, if set. */
    public static ClientAssertionTiming from(Function<String, Optional<Duration>> property) {
        return new ClientAssertionTiming(
                setting(property, CLOCK_SKEW, LEGACY_CLOCK_SKEW, DEFAULT_CLOCK_SKEW),
                setting(property, MAX_LIFETIME, LEGACY_MAX_LIFETIME, DEFAULT_MAX_LIFETIME));
    }

    private static Duration setting(Function<String, Optional<Duration>> property, String name, String legacy,
                                    Duration defaultValue) {
        Optional<Duration> current = property.apply(name);
        Optional<Duration> old = property.apply(legacy);
        if (current.isPresent() && old.isPresent() && !current.get().equals(old.get())) {
            throw new ConfigurationException(legacy + " (" + old.get() + ") and " + name + " (" + current.get()
                    + ") disagree: " + name + " replaces " + legacy + "; remove " + legacy);
        }
        if (current.isEmpty() && old.isPresent()) {
            LOG.warn("{} is deprecated and still read; rename it to {}", legacy, name);
            return old.get();
        }
        return current.orElse(defaultValue);
    }
}
