package dev.verifier.token.code;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Expired codes are purged; a used code is kept for the retention period so that its reuse is still detected. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "HousekeepingTest")
class HousekeepingTest implements TokenServiceTest {

    @Inject
    ReceivedCodeRepository codes;
    @Inject
    Housekeeping housekeeping;
    @Inject
    dev.verifier.token.clientauth.DatabaseJtiStore jtis;
    @Inject
    dev.verifier.token.verify.RevocationList revocations;

    @Test
    void expiredUnusedCodesArePurgedAndRecentlyUsedOnesKept() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        codes.insertIfAbsent("expired-unused", "c", "{}", now.minusSeconds(120), now.minusSeconds(60), now, null);
        codes.insertIfAbsent("expired-used", "c", "{}", now.minusSeconds(120), now.minusSeconds(60), now, null);
        codes.consume("expired-used", now.minusSeconds(100), "f");
        codes.insertIfAbsent("long-gone-used", "c", "{}", now.minusSeconds(200_000), now.minusSeconds(190_000), now, null);
        codes.consume("long-gone-used", now.minusSeconds(199_000), "f");
        codes.insertIfAbsent("live", "c", "{}", now, now.plusSeconds(60), now, null);

        housekeeping.purge();

        assertFalse(codes.existsById("expired-unused"));
        assertTrue(codes.existsById("expired-used"));
        assertFalse(codes.existsById("long-gone-used"));
        assertTrue(codes.existsById("live"));
    }

    @Test
    void expiredJtisAndRevocationEntriesArePurgedAndLiveOnesKept() {
        Instant past = Instant.now().minusSeconds(60);
        Instant future = Instant.now().plusSeconds(600);
        assertTrue(jtis.markUsed("c", "old-jti", past));
        assertTrue(jtis.markUsed("c", "live-jti", future));
        revocations.revoke("old-access", past);
        revocations.revoke("live-access", future);

        housekeeping.purge();

        assertTrue(jtis.markUsed("c", "old-jti", future), "the expired jti row is gone");
        assertFalse(jtis.markUsed("c", "live-jti", future), "a live jti is still a replay");
        assertFalse(revocations.isRevoked("old-access"));
        assertTrue(revocations.isRevoked("live-access"));
    }
}
