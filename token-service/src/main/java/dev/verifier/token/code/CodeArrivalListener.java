package dev.verifier.token.code;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.verifier.shared.event.Topics;
import io.micronaut.configuration.kafka.KafkaConsumerFactory;
import io.micronaut.configuration.kafka.config.DefaultKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the code-issued partitions that this copy's storing listener does not hold ({@link StoredPartitions}), stores
 * each event if no copy has yet (insert-if-absent) and wakes the requests of this copy waiting for that code, so that
 * a waiting request never polls the database whichever copy stores its code. With one copy the storing listener holds
 * every partition and this listener reads none: each record is fetched once. Its consumer has no group: it is
 * assigned partitions, from where the storing listener let them go, or from their end (at start-up, or a partition it
 * never held). It runs on a thread of its own and makes no request to the brokers while it has no partition.
 * Records are opened by {@link CodeEventReader} like in {@link CodeIssuedListener}; a record it refuses is skipped here
 * (the storing listener dead-letters it), and so is one this copy's storing listener stored or is storing
 * ({@link CodeReceipt#receiveOnce}). Durable storage of every event is {@link CodeIssuedListener}'s job.
 */
@Context
class CodeArrivalListener {

    private static final Logger LOG = LoggerFactory.getLogger(CodeArrivalListener.class);
    private static final AtomicInteger COPIES = new AtomicInteger();
    /** How long a poll waits for records; a change of partitions interrupts it (the consumer's wake-up). */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How often the topic's partitions are looked up again while nothing else changes (partitions added). */
    private static final long REFRESH_MS = 60_000;

    private final CodeReceipt receipt;
    private final CodeEventReader reader;
    private final StoredPartitions partitions;
    private final Consumer<String, byte[]> consumer;
    private final Object idle = new Object();
    private final Thread thread;
    private volatile boolean changed = true;
    private volatile boolean running = true;
    private volatile Set<Integer> assigned = Set.of();

    CodeArrivalListener(CodeReceipt receipt, CodeEventReader reader, StoredPartitions partitions,
                        KafkaConsumerFactory factory, KafkaDefaultConfiguration kafka,
                        @Value("${micronaut.application.name:token-service}") String application) {
        this.receipt = receipt;
        this.reader = reader;
        this.partitions = partitions;
        // as Micronaut configures a listener's consumer (kafka.*), with no group
        DefaultKafkaConsumerConfiguration<String, byte[]> config = new DefaultKafkaConsumerConfiguration<>(kafka);
        config.getConfig().remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.getConfig().put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.getConfig().put(ConsumerConfig.CLIENT_ID_CONFIG,
                application + "-code-arrivals-" + COPIES.incrementAndGet());
        config.setKeyDeserializer(new StringDeserializer());
        config.setValueDeserializer(new ByteArrayDeserializer());
        this.consumer = factory.createConsumer(config);
        this.thread = new Thread(this::run, "code-arrivals");
        thread.setDaemon(true);
        partitions.onChange(this::wake);
        thread.start();
    }

    /** The partitions this listener reads now. */
    Set<Integer> assigned() {
        return assigned;
    }

    /** Opens and stores one record, unless this copy's storing listener did or does. */
    void onCodeIssued(ConsumerRecord<String, byte[]> record) {
        receipt.receiveOnce(record, () -> {
            CodeEventReader.Result result = reader.read(record.key(), record.value());
            if (result.event() != null) {
                receipt.store(result.event());
            }
        });
    }

    private void wake() {
        changed = true;
        consumer.wakeup();
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void run() {
        long refreshedAt = 0;
        try {
            while (running) {
                try {
                    if (changed || System.currentTimeMillis() - refreshedAt > REFRESH_MS) {
                        changed = false;
                        refreshedAt = System.currentTimeMillis();
                        reassign();
                    }
                    if (assigned.isEmpty()) {
                        idle();
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        handle(record);
                    }
                } catch (WakeupException e) {
                    changed = true; // the partitions changed, or the copy stops: the loop decides
                } catch (RuntimeException e) {
                    LOG.warn("code arrivals: {}; trying again in a second", e.toString());
                    changed = true;
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /** Waits, with no request to the brokers, until the partitions change or it is time to look them up again. */
    private void idle() {
        synchronized (idle) {
            if (!changed && running) {
                try {
                    idle.wait(REFRESH_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        try {
            onCodeIssued(record);
        } catch (RuntimeException e) { // the storing listener keeps every event; a waiter reads once more at its end
            LOG.warn("code arrivals: record {}/{} not handled: {}", record.partition(), record.offset(), e.toString());
        }
        partitions.arrivalRead(record.partition(), record.offset() + 1);
    }

    /** Reads every partition of the topic but those the storing listener holds. */
    private void reassign() {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.CODE_ISSUED);
        if (infos == null || infos.isEmpty()) { // not created yet (start-up)
            LOG.debug("code arrivals: {} has no partitions yet", Topics.CODE_ISSUED);
            changed = true;
            pause();
            return;
        }
        StoredPartitions.View view = partitions.view();
        Set<Integer> target = infos.stream().map(PartitionInfo::partition)
                .filter(p -> !view.stored().contains(p)).collect(Collectors.toSet());
        Set<Integer> before = assigned;
        consumer.assign(target.stream().map(CodeArrivalListener::partition).toList());
        Set<TopicPartition> fromEnd = new HashSet<>();
        for (int p : target) {
            if (before.contains(p)) {
                continue; // read on from where it is
            }
            Optional<Long> from = view.handedOver().getOrDefault(p, Optional.empty());
            if (from.isPresent()) {
                consumer.seek(partition(p), from.get());
            } else {
                fromEnd.add(partition(p));
            }
        }
        if (!fromEnd.isEmpty()) {
            consumer.seekToEnd(fromEnd);
        }
        before.stream().filter(p -> !target.contains(p)).forEach(partitions::arrivalLeft);
        for (int p : target) {
            if (!before.contains(p)) {
                partitions.arrivalRead(p, consumer.position(partition(p)));
            }
        }
        assigned = Set.copyOf(target);
        partitions.takenOver(view.handedOver()); // only now: a reassignment cut short starts again from them
        if (!target.equals(before)) {
            LOG.debug("code arrivals read partitions {} (the storing listener holds {})", target, view.stored());
        }
    }

    private static TopicPartition partition(int p) {
        return new TopicPartition(Topics.CODE_ISSUED, p);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the loop, which closes the consumer on its own thread (a consumer is used by one thread only). */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        wake();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
