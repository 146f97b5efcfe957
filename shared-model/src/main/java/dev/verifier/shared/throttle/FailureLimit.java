package dev.verifier.shared.throttle;

import java.time.Duration;

/** At most {@code limit} failures of one {@code kind} for one subject (a client id, a source address) per window. */
public record FailureLimit(String kind, int limit, Duration window) {

    public FailureLimit {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(kind + ": the limit and the window must be positive");
        }
    }
}
