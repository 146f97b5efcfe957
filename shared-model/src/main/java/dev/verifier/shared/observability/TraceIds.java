package dev.verifier.shared.observability;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;

/**
 * W3C trace context ids: the trace id of a {@code traceparent} header, and fresh ids in the same format. Fresh ids come
 * from {@link ThreadLocalRandom}, as OpenTelemetry's own ids do: they correlate log lines and are no secret, so they
 * need not cost a draw from the shared {@code SecureRandom} on every request.
 */
public final class TraceIds {

    private static final Pattern TRACEPARENT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*$");
    private static final String INVALID = "0".repeat(32);

    private TraceIds() {
    }

    /** The trace id of a well-formed {@code traceparent} (not all zeros), if any. */
    public static Optional<String> fromTraceparent(@Nullable String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher m = TRACEPARENT.matcher(traceparent.strip());
        return m.matches() && !m.group(1).equals(INVALID) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A new random 128-bit trace id, 32 lowercase hex digits. */
    public static String traceId() {
        return hex(16);
    }

    /** A new random request id, 16 lowercase hex digits. */
    public static String requestId() {
        return hex(8);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
