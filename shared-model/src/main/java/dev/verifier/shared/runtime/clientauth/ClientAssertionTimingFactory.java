package dev.verifier.shared.runtime.clientauth;

import java.time.Duration;

import dev.verifier.shared.clientauth.ClientAssertionTiming;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.value.PropertyResolver;

/** Reads {@link ClientAssertionTiming} at start-up, so a configuration it refuses stops the service at once. */
@Factory
class ClientAssertionTimingFactory {

    @Context
    ClientAssertionTiming clientAssertionTiming(PropertyResolver properties) {
        return ClientAssertionTiming.from(name -> properties.get(name, Duration.class));
    }
}
