package dev.verifier.shared.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The per-second cache writes exactly what logback's {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}} wrote. */
class LogTimestampConverterTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    @Test
    void writesTheSameTextAsTheDatePatternInEveryZone() {
        List<Long> times = List.of(
                Instant.parse("2026-12-04T20:23:30.000Z").toEpochMilli(),
                Instant.parse("2026-12-04T20:23:30.007Z").toEpochMilli(),
                Instant.parse("2026-12-04T20:23:30.042Z").toEpochMilli(),
                Instant.parse("2026-12-04T20:23:30.999Z").toEpochMilli(),
                Instant.parse("2026-12-04T20:23:31.000Z").toEpochMilli(),
                Instant.parse("2026-12-04T20:23:30.500Z").toEpochMilli(), // back to an earlier second
                Instant.parse("2026-03-08T06:59:59.999Z").toEpochMilli(), // New York: the last EST millisecond
                Instant.parse("2026-03-08T07:00:00.000Z").toEpochMilli(), // the first EDT one
                Instant.parse("1969-12-31T23:59:59.250Z").toEpochMilli()); // before the epoch
        for (String zone : List.of("UTC", "Asia/Kolkata", "America/New_York", "Europe/Paris")) {
            LogTimestampConverter converter = new LogTimestampConverter();
            converter.setOptionList(List.of(zone));
            converter.start();
            for (long time : times) {
                assertEquals(REFERENCE.format(Instant.ofEpochMilli(time).atZone(ZoneId.of(zone))),
                        converter.format(time), zone + " at " + Instant.ofEpochMilli(time));
            }
        }
    }

    @Test
    void withoutAnOptionItWritesTheJvmZone() {
        LogTimestampConverter converter = new LogTimestampConverter();
        converter.start();
        long time = Instant.parse("2026-07-01T12:00:00.123Z").toEpochMilli();

        assertEquals(REFERENCE.format(Instant.ofEpochMilli(time).atZone(ZoneId.systemDefault())),
                converter.format(time));
    }
}
