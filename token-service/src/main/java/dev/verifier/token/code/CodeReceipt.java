package dev.verifier.token.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.runtime.observability.MessageTracing;
import dev.verifier.token.metrics.TokenMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a code-issued event, insert-if-absent by code hash (a redelivery, or the same event through both listeners,
 * changes nothing), then wakes the requests of this copy waiting for it. The event was opened and checked (complete,
 * bounded, authenticated) by {@link CodeEventReader}. Each copy's two listeners receive every record, usually at the
 * same moment: through {@link #receiveOnce} the first to start on a record opens and stores it, and the other waits
 * for that and skips it, so a record is opened and written once per copy.
 */
@Singleton
class CodeReceipt {

    private static final Logger LOG = LoggerFactory.getLogger(CodeReceipt.class);

    /** How many records are remembered: the two listeners of a copy read the same record milliseconds apart. */
    static final int REMEMBERED = 4096;

    /** How long a listener waits for the other one receiving the same record before it receives it itself. */
    static final long OTHER_LISTENER_WAIT_MS = 5000;

    private final ReceivedCodeRepository codes;
    private final CodeArrivals arrivals;
    private final JsonMapper json;
    private final TokenMetrics metrics;
    private final Clock clock;
    private final MessageTracing tracing;
    /** By record key (the code hash): true once this copy stored that code, pending while a listener receives it. */
    private final Map<String, CompletableFuture<Boolean>> receiving = Collections.synchronizedMap(
            new LinkedHashMap<String, CompletableFuture<Boolean>>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Boolean>> eldest) {
                    return size() > REMEMBERED;
                }
            });

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
        CompletableFuture<Boolean> received = receiving.get(event.codeHash());
        if (received != null) {
            received.complete(true);
        }
        arrivals.arrived(event.codeHash());
    }

    /**
     * Runs {@code receive} (open the record, then {@link #store} or refuse it) in a consumer span joined to the
     * producer's trace, unless this copy's other listener stored the code of the record's key lately, or is receiving
     * it now and stores it within {@value #OTHER_LISTENER_WAIT_MS} ms: reading it again would change nothing. A record
     * that was not stored (refused, or the database failed) is not remembered, so the other listener receives it too.
     */
    void receiveOnce(ConsumerRecord<String, byte[]> record, Runnable receive) {
        Runnable traced = () -> tracing.consume(Topics.CODE_ISSUED,
                CodeIssuedListener.header(record, MessageTracing.TRACEPARENT),
                CodeIssuedListener.header(record, MessageTracing.TRACESTATE), receive);
        String recordKey = record.key();
        if (recordKey == null) {
            traced.run();
            return;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> other = receiving.putIfAbsent(recordKey, mine);
        if (other != null) {
            if (!stored(other)) {
                traced.run();
            }
            return;
        }
        try {
            traced.run();
        } finally {
            if (mine.complete(false)) { // not stored: forget it
                receiving.remove(recordKey, mine);
            }
        }
    }

    private static boolean stored(CompletableFuture<Boolean> other) {
        try {
            return other.get(OTHER_LISTENER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String write(CodeIssued event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
