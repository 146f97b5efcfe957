package dev.verifier.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RandomTokensTest {

    @Test
    void aTimeOrderedUuidIsVersion7WithItsMillisecondsFirst() {
        Instant at = Instant.parse("2026-12-05T07:45:00.123Z");

        UUID id = UUID.fromString(RandomTokens.timeOrderedUuid(at));

        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the RFC 9562 variant (binary 10)");
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsStringsAndNoneRepeats() {
        Instant start = Instant.parse("2026-12-05T07:45:00Z");
        Set<String> seen = new HashSet<>();
        String previous = "";
        for (int i = 0; i < 2_000; i++) {
            String id = RandomTokens.timeOrderedUuid(start.plusMillis(i));
            assertTrue(id.compareTo(previous) > 0, id + " after " + previous);
            assertTrue(seen.add(id));
            previous = id;
        }
        for (int i = 0; i < 2_000; i++) {
            assertTrue(seen.add(RandomTokens.timeOrderedUuid(start)), "74 random bits within one millisecond");
        }
    }
}
