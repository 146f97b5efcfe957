package dev.verifier.token.code;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.observability.MessageTracing;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.messaging.annotation.MessageHeader;
import io.micronaut.context.annotation.Requires;

/**
 * Stores each code-issued event (one consumer group shared by every copy: each event is stored by one copy, from the
 * earliest offset, so none is lost while every copy is down) through {@link CodeReceipt}; {@link CodeArrivalListener}
 * is what wakes waiting requests in every copy.
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

    private final CodeReceipt receipt;
    private final MessageTracing tracing;

    CodeIssuedListener(CodeReceipt receipt, MessageTracing tracing) {
        this.receipt = receipt;
        this.tracing = tracing;
    }

    @Topic(Topics.CODE_ISSUED)
    void onCodeIssued(CodeIssued event, @Nullable @MessageHeader(MessageTracing.TRACEPARENT) String traceparent,
                      @Nullable @MessageHeader(MessageTracing.TRACESTATE) String tracestate) {
        tracing.consume(Topics.CODE_ISSUED, traceparent, tracestate, () -> receipt.store(event));
    }
}
