package dev.verifier.token.code;

import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.messaging.annotation.MessageHeader;
import dev.verifier.shared.observability.MessageTracing;

/**
 * Every copy receives every code-issued event from the latest offset (a consumer group of its own), stores it if no
 * copy has yet (insert-if-absent) and wakes the requests of this copy waiting for that code, so that a waiting request
 * never polls the database. Durable storage of every event is {@link CodeIssuedListener}'s job.
 */
@KafkaListener(groupId = "token-service-code-arrivals", uniqueGroupId = true, offsetReset = OffsetReset.LATEST,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 3,
                retryDelay = "100ms"))
class CodeArrivalListener {

    private final CodeReceipt receipt;

    CodeArrivalListener(CodeReceipt receipt) {
        this.receipt = receipt;
    }

    @Topic(Topics.CODE_ISSUED)
    void onCodeIssued(CodeIssued event, @Nullable @MessageHeader(MessageTracing.TRACEPARENT) String traceparent,
                      @Nullable @MessageHeader(MessageTracing.TRACESTATE) String tracestate) {
        receipt.store(event, traceparent); // no span of its own: the storing listener makes the consumer span
    }
}
