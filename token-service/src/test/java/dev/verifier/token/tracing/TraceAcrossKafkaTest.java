package dev.verifier.token.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.runtime.observability.MessageTracing;
import dev.verifier.shared.runtime.observability.RequestContextFilter;
import dev.verifier.token.code.ReceivedCodeRepository;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.server.exceptions.NotFoundException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * One trace across Kafka and HTTP, seen by an in-memory exporter: the shared {@link MessageTracing} publishes the
 * code-issued event in a producer span with its W3C context in the record headers (as authorize-service does),
 * token-service's consumer span is its child, and
 * the /token request that continues the trace is a server span of the same trace.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "TraceAcrossKafkaTest")
class TraceAcrossKafkaTest extends TokenHttpTest {

    static final String SCOPE = "openid";

    @Inject
    CodeFlow codeFlow;
    @Inject
    CodePublisher publisher;
    @Inject
    MessageTracing messageTracing;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    ReceivedCodeRepository receivedCodes;

    final ListAppender<ILoggingEvent> audit = new ListAppender<>();
    TestClients.Client spa;

    @BeforeAll
    void setUp() {
        audit.start();
        ((Logger) LoggerFactory.getLogger(AuditEvents.LOGGER)).addAppender(audit);
        spa = clients.register("none", SCOPE, "authorization_code");
        codeFlow.publish(spa, SCOPE); // the listener's group is up before the traced event
    }

    @AfterAll
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(AuditEvents.LOGGER)).detachAppender(audit);
    }

    @Test
    void producerConsumerAndTokenSpansShareOneTrace() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        messageTracing.produce(Topics.CODE_ISSUED, headers -> publisher.send(codes.event().codeHash(),
                publisher.sealed(codes.event()), headers)).get(30, TimeUnit.SECONDS);
        SpanData producer = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER
                && s.getName().equals(Topics.CODE_ISSUED + " publish"));
        codeFlow.awaitStored(codes, Duration.ofSeconds(30));
        String traceId = producer.getTraceId();

        // the client continues the trace (as a traced front end would)
        Http.Answer answer = http.post("/token", TokenRequests.code(spa, codes),
                "traceparent", "00-" + traceId + "-" + producer.getSpanId() + "-01");
        assertEquals(200, answer.status(), answer.raw().body());

        SpanData consumer = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId));
        assertEquals(Topics.CODE_ISSUED + " process", consumer.getName());
        assertEquals(producer.getSpanId(), consumer.getParentSpanId());
        SpanData token = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertTrue(token.getName().contains("/token"), token.getName());
        assertEquals(producer.getSpanId(), token.getParentSpanId());
        assertEquals(traceId, auditTraceId("tokens_issued", traceId), "the audit event names the exported trace");
    }

    @Test
    void withoutTraceparentTheLogsNameTheServerSpansOwnTrace() throws Exception {
        Codes codes = codeFlow.publish(spa, SCOPE);
        assertEquals(200, http.post("/token", TokenRequests.code(spa, codes)).status());
        assertEquals(400, http.post("/token", TokenRequests.code(spa, codes)).status());

        String traceId = auditTraceId("code_reuse_detected", null);
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertTrue(server.getName().contains("/token"), server.getName());
    }

    @Test
    void theServerSpanRecordsTheRequiredHttpAttributesOnly() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parent = "00f067aa0ba902b7";
        Http.Answer answer = http.post("/token", List.<String[]>of(new String[] {"grant_type", "password"}),
                "traceparent", "00-" + traceId + "-" + parent + "-01");
        assertEquals(401, answer.status(), answer.raw().body()); // no client authentication

        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertEquals("POST /token", server.getName());
        assertEquals(parent, server.getParentSpanId(), "continues the caller's trace");
        assertEquals(Map.of("http.request.method", "POST", "url.path", "/token", "url.scheme", "http",
                        "http.route", "/token", "http.response.status_code", 401L,
                        "error.type", OAuthException.class.getName()),
                attributes(server), "the semantic conventions' required attributes, no header or address lookups");
        assertEquals(StatusCode.ERROR, server.getStatus().getStatusCode(), "an answer of 400 or more is an error");
    }

    @Test
    void aRequestNoRouteMatchedIsNamedByItsMethodAlone() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        assertEquals(404, http.get("/no-such-path", "traceparent", "00-" + traceId + "-b7ad6b7169203331-01").status());

        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertEquals("GET", server.getName(), "never the raw path: made-up paths would multiply span names");
        assertEquals(Map.of("http.request.method", "GET", "url.path", "/no-such-path", "url.scheme", "http",
                "http.response.status_code", 404L, "error.type", NotFoundException.class.getName()),
                attributes(server));
    }

    private static Map<String, Object> attributes(SpanData span) {
        Map<String, Object> byName = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> byName.put(key.getKey(), value));
        return byName;
    }

    @Test
    void redemptionWithoutTraceparentJoinsTheTraceThatIssuedTheCode() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        messageTracing.produce(Topics.CODE_ISSUED, headers -> publisher.send(codes.event().codeHash(),
                publisher.sealed(codes.event()), headers)).get(30, TimeUnit.SECONDS);
        codeFlow.awaitStored(codes, Duration.ofSeconds(30));
        String kept = receivedCodes.findById(codes.event().codeHash()).orElseThrow().traceParent();
        assertTrue(kept != null && kept.startsWith("00-"), "the code keeps the trace context of its event: " + kept);
        String codeTrace = kept.split("-")[1];

        assertEquals(200, http.post("/token", TokenRequests.code(spa, codes)).status()); // no traceparent

        SpanData redeem = awaitSpan(s -> s.getName().equals("authorization_code redeem")
                && s.getTraceId().equals(codeTrace));
        String storingSpan = kept.split("-")[2];
        SpanData consumer = awaitSpan(s -> s.getSpanId().equals(storingSpan));
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals(codeTrace, consumer.getTraceId());
        assertEquals(consumer.getSpanId(), redeem.getParentSpanId(), "a child of the code-issued handling");
        SpanData token = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/token")
                && s.getLinks().stream().anyMatch(l -> l.getSpanContext().getSpanId().equals(redeem.getSpanId())));
        assertTrue(!token.getTraceId().equals(codeTrace), "the request had a trace of its own");
        assertTrue(redeem.getLinks().stream().anyMatch(l -> l.getSpanContext().getSpanId().equals(token.getSpanId())),
                "linked both ways");
    }

    /** The trace id of the audit line of {@code type} for the test client (and {@code traceId}, if given). */
    private String auditTraceId(String type, String traceId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            for (ILoggingEvent line : List.copyOf(audit.list)) {
                Map<?, ?> event = json.readValue(line.getFormattedMessage(), Map.class);
                if (type.equals(event.get("type")) && spa.id().equals(event.get("client_id"))
                        && (traceId == null || traceId.equals(event.get("trace_id")))) {
                    assertEquals(event.get("trace_id"), line.getMDCPropertyMap().get(RequestContextFilter.TRACE_ID));
                    return (String) event.get("trace_id");
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type + " audit line");
    }

    @Test
    void aRecordWithoutTraceContextStartsItsOwnTrace() throws Exception {
        Codes codes = Codes.forClient(spa.id(), SCOPE);
        publisher.send(codes.event().codeHash(), publisher.sealed(codes.event()), new RecordHeaders())
                .get(30, TimeUnit.SECONDS);
        codeFlow.awaitStored(codes, Duration.ofSeconds(30));

        // the code keeps the context of the consumer span that stored it: a root, since the record carried none
        String kept = receivedCodes.findById(codes.event().codeHash()).orElseThrow().traceParent();
        assertTrue(kept != null && kept.startsWith("00-"), "the code keeps a trace context: " + kept);
        String storingSpan = kept.split("-")[2];
        SpanData consumer = awaitSpan(s -> s.getSpanId().equals(storingSpan));
        assertTrue(rootConsumer(consumer), "a consumer span starting its own trace: " + consumer);
    }

    private static boolean rootConsumer(SpanData span) {
        return span.getKind() == SpanKind.CONSUMER && !span.getParentSpanContext().isValid();
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such span among " + names(spans.getFinishedSpanItems()));
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getTraceId()).toList();
    }

    @Factory
    @Requires(property = "spec.name", value = "TraceAcrossKafkaTest")
    static class InMemoryTracing {

        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        @Singleton
        SpanProcessor processor(InMemorySpanExporter exporter) {
            return SimpleSpanProcessor.create(exporter);
        }
    }
}
