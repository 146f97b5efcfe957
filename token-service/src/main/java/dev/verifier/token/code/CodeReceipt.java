package dev.verifier.token.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.runtime.observability.MessageTracing;
import dev.verifier.token.metrics.TokenMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a code-issued event, insert-if-absent by code hash (a redelivery, or the same event through both listeners,
 * changes nothing), then wakes the requests of this copy waiting for it. The event was opened and checked (complete,
 * bounded, authenticated) by {@link CodeEventReader}.
 */
@Singleton
class CodeReceipt {

    private static final Logger LOG = LoggerFactory.getLogger(CodeReceipt.class);

    private final ReceivedCodeRepository codes;
    private final CodeArrivals arrivals;
    private final JsonMapper json;
    private final TokenMetrics metrics;
    private final Clock clock;
    private final MessageTracing tracing;

    CodeReceipt(ReceivedCodeRepository codes, CodeArrivals arrivals, JsonMapper json, TokenMetrics metrics,
                Clock clock, MessageTracing tracing) {
        this.codes = codes;
        this.arrivals = arrivals;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Stores with the trace context of the current consumer span. */
    void store(CodeIssued event) {
        store(event, tracing.currentTraceparent().orElse(null));
    }

    /** Stores with {@code traceParent} (the producer's, when the caller made no span of its own). */
    void store(CodeIssued event, @Nullable String traceParent) {
        int stored = codes.insertIfAbsent(event.codeHash(), event.clientId(), write(event), event.issuedAt(),
                event.expiresAt(), clock.instant(), traceParent);
        if (stored == 0) {
            LOG.debug("code-issued event already stored");
        } else {
            metrics.codeRedeemableAfter(Duration.between(event.issuedAt(), clock.instant()));
        }
        arrivals.arrived(event.codeHash());
    }

    private String write(CodeIssued event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
