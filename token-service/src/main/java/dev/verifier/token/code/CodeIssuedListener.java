package dev.verifier.token.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.observability.MessageTracing;
import dev.verifier.token.metrics.TokenMetrics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.messaging.annotation.MessageHeader;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each code-issued event (one consumer group shared by every copy: each event is stored once), insert-if-absent
 * by code hash so a redelivery changes nothing, then wakes a request of this copy that waits for it.
 * A database failure is retried (exponential back-off) rather than the code being lost; an incomplete event is
 * logged and skipped. {@code verifier.token.code-listener=false} runs a copy that only serves HTTP (another copy stores the codes).
 * Each record is handled in a consumer span joined to the producer's trace (W3C {@code traceparent} header).
 */
@KafkaListener(groupId = "token-service-code-issued", offsetReset = OffsetReset.EARLIEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "200ms"))
@Requires(property = CodeIssuedListener.ENABLED, notEquals = "false")
class CodeIssuedListener {

    static final String ENABLED = "verifier.token.code-listener";

    private static final Logger LOG = LoggerFactory.getLogger(CodeIssuedListener.class);

    private final ReceivedCodeRepository codes;
    private final CodeArrivals arrivals;
    private final JsonMapper json;
    private final TokenMetrics metrics;
    private final Clock clock;
    private final MessageTracing tracing;

    CodeIssuedListener(ReceivedCodeRepository codes, CodeArrivals arrivals, JsonMapper json, TokenMetrics metrics,
                       Clock clock, MessageTracing tracing) {
        this.codes = codes;
        this.arrivals = arrivals;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
        this.tracing = tracing;
    }

    @Topic(Topics.CODE_ISSUED)
    void onCodeIssued(CodeIssued event, @Nullable @MessageHeader(MessageTracing.TRACEPARENT) String traceparent,
                      @Nullable @MessageHeader(MessageTracing.TRACESTATE) String tracestate) {
        tracing.consume(Topics.CODE_ISSUED, traceparent, tracestate, () -> store(event));
    }

    private void store(CodeIssued event) {
        if (!isComplete(event)) {
            LOG.warn("ignoring incomplete code-issued event (schema_version {})", event.schemaVersion());
            return;
        }
        int stored = codes.insertIfAbsent(event.codeHash(), event.clientId(), write(event), event.issuedAt(),
                event.expiresAt(), clock.instant(), tracing.currentTraceparent().orElse(null));
        if (stored == 0) {
            LOG.debug("code-issued event redelivered; already stored");
        } else {
            metrics.codeRedeemableAfter(java.time.Duration.between(event.issuedAt(), clock.instant()));
        }
        arrivals.arrived(event.codeHash());
    }

    static boolean isComplete(CodeIssued event) {
        return event.schemaVersion() == CodeIssued.SCHEMA_VERSION && event.codeHash() != null
                && event.clientId() != null && event.redirectUri() != null && event.scope() != null
                && event.subject() != null && event.authTime() != null && event.issuedAt() != null
                && event.expiresAt() != null;
    }

    private String write(CodeIssued event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
