package dev.verifier.registry.event;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.verifier.shared.event.ApiChanged;
import dev.verifier.shared.event.OutboxRelay;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * {@link ApiChanged} through its own transactional outbox ({@code api_change_outbox}), exactly as {@link ClientEvents}
 * does for clients: recorded in the transaction of the change, sent after the commit by the relay and again every
 * {@code verifier.registry.outbox-interval} while the broker is down, deleted once acknowledged.
 */
@Singleton
public class ApiEvents {

    private final ApiOutboxRepository outbox;
    private final ApiChangedProducer producer;
    private final Clock clock;
    private final OutboxRelay relay;

    ApiEvents(ApiOutboxRepository outbox, ApiChangedProducer producer, Clock clock,
              @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.outbox = outbox;
        this.producer = producer;
        this.clock = clock;
        this.relay = new OutboxRelay("ApiChanged events", background, this::publishBatch, ClientEvents.BATCH);
    }

    /** Adds the event to the outbox; must run inside the transaction that makes the change. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String apiId, ApiChanged.Change change) {
        outbox.save(new ApiOutboxEntry(null, apiId, change.name(), clock.instant()));
    }

    public void publishSoon() {
        relay.publishSoon();
    }

    @Scheduled(fixedDelay = "${verifier.registry.outbox-interval:5s}",
            initialDelay = "${verifier.registry.outbox-interval:5s}")
    void retry() {
        publishSoon();
    }

    @Transactional
    public int publishBatch() {
        List<ApiOutboxEntry> waiting = outbox.lockOldest(ClientEvents.BATCH);
        for (ApiOutboxEntry entry : waiting) {
            producer.send(entry.apiId(), new ApiChanged(ApiChanged.SCHEMA_VERSION, entry.apiId(),
                    ApiChanged.Change.valueOf(entry.changeType()), entry.changedAt()));
        }
        outbox.deleteAll(waiting);
        return waiting.size();
    }
}
