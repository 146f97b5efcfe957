package dev.verifier.shared.observability;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %isoTimestamp} in the log pattern: the event's time as {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} in the JVM's
 * zone (or the zone given as option), the same text as {@code %d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX}}. Logback's date
 * converter reuses its text only within one millisecond, so under load it formatted nearly every line anew (2 % of
 * token-service's samples during refreshes); this one formats the date, time and offset once per second and appends
 * the milliseconds. Offsets change on whole seconds, so the text per second is exact.
 */
public class LogTimestampConverter extends ClassicConverter {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("XXX");

    /** The text of one second: before and after the milliseconds. */
    private record Second(long epochSecond, String dateTime, String offset) {
    }

    private ZoneId zone = ZoneId.systemDefault();
    private volatile Second last = new Second(Long.MIN_VALUE, "", "");

    @Override
    public void start() {
        String option = getFirstOption();
        if (option != null && !option.isBlank()) {
            zone = ZoneId.of(option.trim());
        }
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return format(event.getTimeStamp());
    }

    String format(long epochMilli) {
        long epochSecond = Math.floorDiv(epochMilli, 1000);
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            ZonedDateTime time = Instant.ofEpochSecond(epochSecond).atZone(zone);
            second = new Second(epochSecond, SECOND.format(time), OFFSET.format(time));
            last = second;
        }
        int millis = (int) Math.floorMod(epochMilli, 1000);
        StringBuilder text = new StringBuilder(second.dateTime().length() + 4 + second.offset().length())
                .append(second.dateTime()).append('.');
        if (millis < 100) {
            text.append('0');
        }
        if (millis < 10) {
            text.append('0');
        }
        return text.append(millis).append(second.offset()).toString();
    }
}
