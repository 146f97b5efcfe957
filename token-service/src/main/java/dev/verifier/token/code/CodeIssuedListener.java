package dev.verifier.token.code;

import java.nio.charset.StandardCharsets;

import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.Listeners;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each code-issued event (one consumer group shared by every copy: each event is stored by one copy, from the
 * earliest offset, so none is lost while every copy is down) through {@link CodeReceipt}; {@link CodeArrivalListener}
 * is what wakes waiting requests in every copy. The record is read as bytes and checked by {@link CodeEventReader}
 * (authenticated, bounded, complete); a refused record goes to the dead-letter topic ({@link DeadLetters}) and the
 * partition moves on — only a database failure is retried (exponential back-off) rather than the code being lost. A
 * record whose event this copy's arrival listener stored, or is storing, is not read again
 * ({@link CodeReceipt#receiveOnce}).
 * {@code verifier.token.code-listener=false} runs a copy that only serves HTTP (another copy stores the codes). Each
 * record is handled in a consumer span joined to the producer's trace (W3C {@code traceparent} header).
 */
@KafkaListener(groupId = "token-service-code-issued", offsetReset = OffsetReset.EARLIEST,
        pollTimeout = Listeners.POLL_TIMEOUT,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "200ms"))
@Requires(property = CodeIssuedListener.ENABLED, notEquals = "false")
class CodeIssuedListener {

    static final String ENABLED = "verifier.token.code-listener";

    private static final Logger LOG = LoggerFactory.getLogger(CodeIssuedListener.class);

    private final CodeReceipt receipt;
    private final CodeEventReader reader;
    private final DeadLetters deadLetters;

    CodeIssuedListener(CodeReceipt receipt, CodeEventReader reader, DeadLetters deadLetters) {
        this.receipt = receipt;
        this.reader = reader;
        this.deadLetters = deadLetters;
    }

    @Topic(Topics.CODE_ISSUED)
    void onCodeIssued(ConsumerRecord<String, byte[]> record) {
        receipt.receiveOnce(record, () -> receive(record));
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        CodeEventReader.Result result = reader.read(record.key(), record.value());
        if (result.event() == null) {
            LOG.warn("refused a code-issued record at {}/{}: {} ({})", record.partition(), record.offset(),
                    result.refusal(), result.detail());
            deadLetters.refuse(record, result.refusal(), result.detail());
            return;
        }
        if (result.legacy()) {
            LOG.warn("accepted an unauthenticated schema_version 1 code-issued record "
                    + "(verifier.event.accept-unauthenticated-v1 is on: turn it off once the upgrade is done)");
        }
        receipt.store(result.event());
    }

    @Nullable
    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
