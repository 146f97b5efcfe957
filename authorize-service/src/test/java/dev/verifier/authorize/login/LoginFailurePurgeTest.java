package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Rows older than the throttle window are housekeeping for the scheduled purge: a login attempt does not delete them
 * (one statement less per login), they no longer count, and the purge removes exactly them.
 */
@MicronautTest(transactional = false)
@Property(name = "verifier.login.throttle-window", value = "10m")
@Property(name = "test.clock", value = "mutable")
class LoginFailurePurgeTest implements AuthorizeTestContext {

    @Inject
    LoginThrottle throttle;
    @Inject
    LoginFailurePurge purge;
    @Inject
    LoginFailureRepository failures;
    @Inject
    TestClock clock;

    @Test
    void oldRowsStayUntilThePurgeAndThePurgeKeepsTheWindow() {
        failures.deleteAll();
        LoginThrottle.Attempt old = throttle.begin("purge-old", "192.0.2.10");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        LoginThrottle.Attempt recent = throttle.begin("purge-recent", "192.0.2.10");
        assertTrue(recent.allowed());
        assertTrue(failures.existsById(old.id()), "a login attempt does not purge");
        assertEquals(1, failures.countByAddressAndFailedAtAfter("192.0.2.10",
                clock.instant().minus(Duration.ofMinutes(10))), "the old row no longer counts");

        purge.purge();
        assertFalse(failures.existsById(old.id()), "the purge removes the row outside the window");
        assertTrue(failures.existsById(recent.id()), "and keeps the one inside it");
    }
}
