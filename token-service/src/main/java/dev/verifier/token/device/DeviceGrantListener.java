package dev.verifier.token.device;

import java.nio.charset.StandardCharsets;

import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.Listeners;
import dev.verifier.shared.runtime.observability.MessageTracing;
import dev.verifier.token.code.DeadLetters;
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
 * Stores each device-grant event (one consumer group shared by every copy, from the earliest offset) through
 * {@link DeviceGrants}; a record that {@link DeviceEventReader} refuses (forged, altered, malformed, oversized) goes to
 * the dead-letter topic and the partition moves on; only a database failure is retried. Off with
 * {@code verifier.token.code-listener=false}, like the code-issued listener.
 */
@KafkaListener(groupId = "token-service-device-grant", offsetReset = OffsetReset.EARLIEST,
        pollTimeout = Listeners.POLL_TIMEOUT,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "200ms"))
@Requires(property = "verifier.token.code-listener", notEquals = "false")
class DeviceGrantListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceGrantListener.class);

    private final DeviceGrants grants;
    private final DeviceEventReader reader;
    private final DeadLetters deadLetters;
    private final MessageTracing tracing;

    DeviceGrantListener(DeviceGrants grants, DeviceEventReader reader, DeadLetters deadLetters,
                        MessageTracing tracing) {
        this.grants = grants;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
    }

    @Topic(Topics.DEVICE_GRANT)
    void onDeviceGrant(ConsumerRecord<String, byte[]> record) {
        tracing.consume(Topics.DEVICE_GRANT, header(record, MessageTracing.TRACEPARENT),
                header(record, MessageTracing.TRACESTATE), () -> receive(record));
    }

    private void receive(ConsumerRecord<String, byte[]> record) {
        DeviceEventReader.Result result = reader.read(record.key(), record.value());
        if (result.event() == null) {
            LOG.warn("refused a device-grant record at {}/{}: {} ({})", record.partition(), record.offset(),
                    result.refusal(), result.detail());
            deadLetters.refuse(record, result.refusal(), result.detail());
            return;
        }
        grants.receive(result.event());
    }

    @Nullable
    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
