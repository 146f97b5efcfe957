package dev.verifier.shared.runtime.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header's value as RFC 9110 §5.6.7's IMF-fixdate ({@code Sat, 05 Dec 2026 15:31:30 GMT}), formatted
 * once per second. It replaces Micronaut's own header (turned off by {@code micronaut.server.date-header: false} in
 * every service), which wrote the day without its leading zero and ran the JDK's date formatter for every response
 * (2 % of token-service's Java samples during client_credentials; {@code GET /jwks} cost 0.048-0.055 CPU-ms per
 * request after against 0.053-0.057 before in three alternating runs each, a difference inside the runs' spread:
 * docs/performance.md). Set by {@code RequestContextFilter} on every response.
 */
public final class HttpDate {

    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Formatted(long epochSecond, String value) {
    }

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private HttpDate() {
    }

    /** The current second as an IMF-fixdate. */
    public static String now() {
        return at(Clock.systemUTC().instant());
    }

    static String at(Instant instant) {
        long second = instant.getEpochSecond();
        Formatted known = last;
        if (known.epochSecond() == second) {
            return known.value();
        }
        String value = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
        last = new Formatted(second, value);
        return value;
    }
}
