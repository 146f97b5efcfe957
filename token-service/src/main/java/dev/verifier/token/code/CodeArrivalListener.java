package dev.verifier.token.code;

import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.Listeners;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Every copy receives every code-issued event from the latest offset (a consumer group of its own), stores it if no
 * copy has yet (insert-if-absent) and wakes the requests of this copy waiting for that code, so that a waiting request
 * never polls the database. Records are opened by {@link CodeEventReader} like in {@link CodeIssuedListener}; a record
 * it refuses is skipped here (the storing listener dead-letters it), and so is one this copy's storing listener stored
 * or is storing ({@link CodeReceipt#receiveOnce}). Durable storage of every event is {@link CodeIssuedListener}'s job.
 * <p>
 * In the copy that stores a record this listener fetches it a second time on purpose: whichever of the two threads
 * reaches a record first makes its code redeemable, which keeps the code-issued lag down under load. Fetching each
 * record once (this listener reading only the partitions the storing one does not hold) saved 5-10 % of the SSO
 * flow's CPU (less, within the noise, of a login's), but the lag's p50 rose from 5.6 to 7-8.4 ms and more codes took
 * over 20 ms (docs/performance.md, "Afternoon").
 */
@KafkaListener(groupId = "token-service-code-arrivals", uniqueGroupId = true, offsetReset = OffsetReset.LATEST,
        pollTimeout = Listeners.POLL_TIMEOUT,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = 3,
                retryDelay = "100ms"))
class CodeArrivalListener {

    private final CodeReceipt receipt;
    private final CodeEventReader reader;

    CodeArrivalListener(CodeReceipt receipt, CodeEventReader reader) {
        this.receipt = receipt;
        this.reader = reader;
    }

    /**
     * Handled in a consumer span of its own ({@link CodeReceipt#receiveOnce}), like the storing listener's: whichever
     * of the two stores the code, it keeps the trace context of a consumer span joined to the producer's trace.
     */
    @Topic(Topics.CODE_ISSUED)
    void onCodeIssued(ConsumerRecord<String, byte[]> record) {
        receipt.receiveOnce(record, () -> {
            CodeEventReader.Result result = reader.read(record.key(), record.value());
            if (result.event() != null) {
                receipt.store(result.event());
            }
        });
    }
}
