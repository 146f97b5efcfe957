package dev.verifier.token.code;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.testsupport.Eventually;
import dev.verifier.token.support.TokenServiceTest;
import dev.verifier.token.verify.RevocationList;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The first purge runs {@code purge-first-after} after start-up, not a whole {@code purge-interval} later: a copy that
 * is restarted more often than every interval still deletes what has expired.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "HousekeepingScheduleTest")
@Property(name = "verifier.token.purge-first-after", value = "8s")
@Property(name = "verifier.token.purge-interval", value = "1h")
class HousekeepingScheduleTest implements TokenServiceTest {

    @Inject
    ReceivedCodeRepository codes;
    @Inject
    RevocationList revocations;

    @Test
    void firstPurgeComesSoonAfterStartUpThoughTheIntervalIsLong() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        codes.insertIfAbsent("schedule-expired", "c", "{}", now.minusSeconds(120), now.minusSeconds(60), now, null);
        codes.insertIfAbsent("schedule-live", "c", "{}", now, now.plusSeconds(600), now, null);
        revocations.revoke("schedule-old-access", now.minusSeconds(60));
        assertTrue(codes.existsById("schedule-expired") && revocations.isRevoked("schedule-old-access"),
                "stored before the first purge");

        Eventually.until(() -> !codes.existsById("schedule-expired") && !revocations.isRevoked("schedule-old-access"),
                Duration.ofSeconds(30), "the first purge, well before the 1 h interval");
        assertTrue(codes.existsById("schedule-live"), "a live code is kept");
    }
}
