package dev.verifier.token.support;

import java.time.Clock;

import dev.verifier.testsupport.OffsetClock;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The service's clock in tests that need time to pass: real time plus an offset the test advances. */
@Singleton
@Replaces(Clock.class)
@Requires(property = "test.clock", value = "mutable")
public class TestClock extends OffsetClock {
}
