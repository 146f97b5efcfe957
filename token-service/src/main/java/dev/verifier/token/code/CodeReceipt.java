package dev.verifier.token.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
 * bounded, authenticated) by {@link CodeEventReader}. The code hashes of the last {@value #REMEMBERED} events this
 * copy stored (or found stored) are remembered, so that its other listener, receiving the same record, skips it
 * ({@link #storedHere}) instead of opening and storing it a second time.
 */
@Singleton
class CodeReceipt {

    private static final Logger LOG = LoggerFactory.getLogger(CodeReceipt.class);

    /** How many code hashes are remembered: the two listeners of a copy read the same record milliseconds apart. */
    static final int REMEMBERED = 4096;

    private final ReceivedCodeRepository codes;
    private final CodeArrivals arrivals;
    private final JsonMapper json;
    private final TokenMetrics metrics;
    private final Clock clock;
    private final MessageTracing tracing;
    private final Set<String> storedHere = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<String, Boolean>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

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
        storedHere.add(event.codeHash());
        arrivals.arrived(event.codeHash());
    }

    /**
     * Whether this copy stored (or found stored) the event of {@code recordKey} lately: the record was opened,
     * authenticated under that key, stored and its waiters woken, so reading it again would change nothing. A record
     * that was refused is never remembered.
     */
    boolean storedHere(@Nullable String recordKey) {
        return recordKey != null && storedHere.contains(recordKey);
    }

    private String write(CodeIssued event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
