package dev.verifier.authorize.config;

import java.time.Clock;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The clock of protocol time (expiries, issue times, sessions, throttles), one bean so that tests can replace it. */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
