package dev.verifier.shared.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.Eventually;
import dev.verifier.testsupport.KafkaTest;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** Audit events reach the log and the real broker, with secret-looking details redacted, and never block on Kafka. */
@MicronautTest(rebuildContext = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@io.micronaut.context.annotation.Property(name = "micronaut.application.name", value = "shared-model-test")
class AuditEventsTest implements KafkaTest {

    @Inject
    AuditEvents audit;
    @Inject
    JsonMapper json;

    final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AuditEvents.LOGGER);
        logger.setLevel(Level.INFO);
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(AuditEvents.LOGGER)).detachAppender(lines);
    }

    @Test
    void eventIsOneJsonLineAndARecordOnTheAuditTopicWithSecretsRedacted() throws Exception {
        AuditEvent sent = audit.event(AuditType.SECRET_ROTATED).actor("admin-1").client("client-audit-1")
                .detail("client_secret", "s3cr3t-value").detail("refresh_token", "rt-value").detail("code", "c-value")
                .detail("scope", "openid").emit();

        String line = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("client-audit-1")).findFirst().orElseThrow();
        Map<?, ?> logged = json.readValue(line, Map.class);
        assertEquals("secret_rotated", logged.get("type"));
        assertEquals("admin-1", logged.get("actor"));
        assertEquals("success", logged.get("outcome"));
        assertEquals(Map.of("client_secret", AuditEvent.REDACTED, "refresh_token", AuditEvent.REDACTED,
                "code", AuditEvent.REDACTED, "scope", "openid"), logged.get("details"));

        List<String> records = AuditTopicReader.read(SharedKafka.bootstrapServers(),
                v -> v.contains("client-audit-1"), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals(sent, json.readValue(records.get(0), AuditEvent.class));
        for (String secret : List.of("s3cr3t-value", "rt-value", "c-value")) {
            assertFalse(records.get(0).contains(secret), secret);
            assertFalse(line.contains(secret), secret);
        }
    }

    @Test
    void eventsQueuedAfterAnEarlierBurstWasSentReachTheTopicToo() throws Exception {
        // the sender runs only when an event was queued since its last round: every burst must wake it again
        for (int burst = 0; burst < 3; burst++) {
            String client = "client-burst-" + burst + "-" + System.nanoTime();
            for (int i = 0; i < 5; i++) {
                audit.event(AuditType.TOKENS_ISSUED).actor(client).client(client).emit();
            }
            List<String> records = AuditTopicReader.read(SharedKafka.bootstrapServers(), v -> v.contains(client),
                    found -> found.size() >= 5, Duration.ofSeconds(30));
            assertEquals(5, records.size(), "burst " + burst);
        }
    }

    @Test
    void outsideARequestThereIsNoSourceAddressOrTraceId() {
        AuditEvent event = audit.event(AuditType.KEY_ROTATED).actor("system").emit();

        assertNull(event.sourceAddress());
        assertNull(event.traceId());
        assertEquals("shared-model-test", event.service());
    }

    @Test
    void anUnreachableBrokerNeitherBlocksNorFailsTheCaller() {
        Map<String, Object> props = new HashMap<>(Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                "kafka.producers.verifier-audit.max.block.ms", "300",
                "micronaut.application.name", "broker-down-test", "verifier.kafka.topics.create", "false"));
        Logger sender = (Logger) LoggerFactory.getLogger(AuditEvents.class);
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        sender.addAppender(failures);
        try (ApplicationContext context = ApplicationContext.run(props)) {
            AuditEvents down = context.getBean(AuditEvents.class);
            for (int i = 0; i < 20; i++) {
                down.event(AuditType.LOGIN_FAILED).failure().client("client-down").emit();
            }
            assertEquals(20, lines.list.stream().filter(e -> e.getFormattedMessage().contains("client-down")).count());
            Eventually.until(() -> !failures.list.isEmpty(), Duration.ofSeconds(10), "a send to Kafka failed");
            String caller = Thread.currentThread().getName();
            List<ILoggingEvent> failed;
            synchronized (failures) { // the sender thread is still appending
                failed = List.copyOf(failures.list);
            }
            assertTrue(failed.stream().allMatch(e -> e.getFormattedMessage().contains("not published to Kafka")
                    && !e.getThreadName().equals(caller)), "Kafka is tried off the caller's thread: " + failed);
        } finally {
            sender.detachAppender(failures);
        }
    }
}
