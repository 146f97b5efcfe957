package dev.verifier.registry.support;

import java.time.Clock;
import java.time.Instant;

import dev.verifier.testsupport.OffsetClock;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A clock the test moves forward, replacing the service's clock in contexts with {@code verifier.test.clock=mutable}. */
@Singleton
@Replaces(Clock.class)
@Requires(property = "verifier.test.clock", value = "mutable")
public class MutableClock extends OffsetClock {

    public MutableClock() {
        super(Instant.now()); // stands still between advances
    }
}
