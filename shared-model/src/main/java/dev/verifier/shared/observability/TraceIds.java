package dev.verifier.shared.observability;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micronaut.core.annotation.Nullable;

/** W3C trace context ids: the trace id of a {@code traceparent} header, and fresh ids in the same format. */
public final class TraceIds {

    private static final Pattern TRACEPARENT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*$");
    private static final String INVALID = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

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
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
