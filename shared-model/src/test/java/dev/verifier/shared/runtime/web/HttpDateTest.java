package dev.verifier.shared.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

/** The Date header is an IMF-fixdate of the current second (RFC 9110 §5.6.7), also when asked many times a second. */
class HttpDateTest {

    @Test
    void writesTheImfFixdateOfTheSecond() {
        assertEquals("Sat, 05 Dec 2026 15:31:30 GMT", HttpDate.at(Instant.parse("2026-12-05T15:31:30.999Z")));
        assertEquals("Sat, 05 Dec 2026 15:31:31 GMT", HttpDate.at(Instant.parse("2026-12-05T15:31:31Z")));
        assertEquals("Sat, 05 Dec 2026 15:31:31 GMT", HttpDate.at(Instant.parse("2026-12-05T15:31:31.5Z")));
        assertEquals("Thu, 01 Jan 1970 00:00:00 GMT", HttpDate.at(Instant.EPOCH));
        assertEquals("Sat, 05 Dec 2026 15:31:31 GMT", HttpDate.at(Instant.parse("2026-12-05T15:31:31.7Z")));
    }

    @Test
    void nowIsTheCurrentSecondAndParsesAsAnHttpDate() {
        Instant before = Instant.now().minusSeconds(1);
        ZonedDateTime parsed = ZonedDateTime.parse(HttpDate.now(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Instant after = Instant.now();
        assertEquals(true, !parsed.toInstant().isBefore(before) && !parsed.toInstant().isAfter(after),
                parsed + " not between " + before + " and " + after);
    }
}
