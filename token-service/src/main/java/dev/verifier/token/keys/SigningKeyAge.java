package dev.verifier.token.keys;

import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * Gauge {@code verifier.signing.key.age} (seconds) per algorithm: how long the key that signs now has been signing, so
 * an alert can fire when rotation stalls (the age passes {@code verifier.keys.rotation-period}). NaN before the first
 * key is loaded.
 */
@Context
class SigningKeyAge {

    SigningKeyAge(MeterRegistry registry, KeyRing ring, KeysConfiguration config, Clock clock) {
        for (String name : config.algorithms()) {
            JWSAlgorithm alg = JWSAlgorithm.parse(name);
            Gauge.builder("verifier.signing.key.age", ring, r -> ageSeconds(r, alg, clock))
                    .description("seconds since the current signing key of this algorithm started signing")
                    .tag("alg", name)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    private static double ageSeconds(KeyRing ring, JWSAlgorithm alg, Clock clock) {
        return ring.states().current(alg)
                .map(k -> Duration.between(k.activatesAt(), clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }
}
