package dev.verifier.shared.runtime.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MessageTracingTest {

    static final String TOPIC = "verifier.test";

    final InMemorySpanExporter exported = InMemorySpanExporter.create();
    final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    final MessageTracing tracing = new MessageTracing(sdk);

    @AfterEach
    void close() {
        sdk.close();
        MDC.clear();
    }

    @Test
    void theConsumerSpanIsTheChildOfTheProducerSpanThroughTheRecordHeaders() throws Exception {
        AtomicReference<Headers> sent = new AtomicReference<>();
        tracing.produce(TOPIC, headers -> {
            sent.set(headers);
            return CompletableFuture.completedFuture("confirmed");
        }).get();
        AtomicReference<String> loggedTraceId = new AtomicReference<>();

        tracing.consume(TOPIC, value(sent.get(), MessageTracing.TRACEPARENT),
                value(sent.get(), MessageTracing.TRACESTATE),
                () -> loggedTraceId.set(MDC.get(RequestContextFilter.TRACE_ID)));

        SpanData producer = only(SpanKind.PRODUCER);
        SpanData consumer = only(SpanKind.CONSUMER);
        assertEquals(TOPIC + " publish", producer.getName());
        assertEquals(TOPIC + " process", consumer.getName());
        assertEquals(producer.getSpanId(), consumer.getParentSpanId());
        assertEquals(producer.getTraceId(), consumer.getTraceId());
        assertEquals(producer.getTraceId(), loggedTraceId.get(), "the handling's log lines name the trace");
        assertNull(MDC.get(RequestContextFilter.TRACE_ID), "the MDC is restored after the handling");
    }

    @Test
    void theProducerSpanEndsWhenTheBrokerAnswersAndRecordsAFailure() {
        CompletableFuture<String> confirmation = new CompletableFuture<>();
        CompletableFuture<String> sent = tracing.produce(TOPIC, headers -> confirmation);
        assertTrue(exported.getFinishedSpanItems().isEmpty(), "still waiting for the broker");

        confirmation.completeExceptionally(new IllegalStateException("broker down"));

        assertThrows(ExecutionException.class, sent::get);
        assertEquals(StatusCode.ERROR, only(SpanKind.PRODUCER).getStatus().getStatusCode());
    }

    @Test
    void aFailedHandlingIsAnErrorSpanAndStillThrows() {
        assertThrows(IllegalStateException.class, () -> tracing.consume(TOPIC, null, null, () -> {
            throw new IllegalStateException("database down");
        }));

        SpanData consumer = only(SpanKind.CONSUMER);
        assertEquals(StatusCode.ERROR, consumer.getStatus().getStatusCode());
        assertFalse(consumer.getParentSpanContext().isValid(), "no trace context in the record: a trace of its own");
    }

    @Test
    void withoutTracingRecordsGoOutWithoutHeadersAndTheLogsTakeTheRecordsTraceId() throws Exception {
        MessageTracing untraced = new MessageTracing(null);
        AtomicReference<Headers> sent = new AtomicReference<>();
        assertEquals("confirmed", untraced.produce(TOPIC, headers -> {
            sent.set(headers);
            return CompletableFuture.completedFuture("confirmed");
        }).get());
        assertEquals(List.of(), List.of(sent.get().toArray()));

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        AtomicReference<String> logged = new AtomicReference<>();
        untraced.consume(TOPIC, "00-" + traceId + "-00f067aa0ba902b7-01", null,
                () -> logged.set(MDC.get(RequestContextFilter.TRACE_ID)));
        assertEquals(traceId, logged.get());
    }

    private SpanData only(SpanKind kind) {
        List<SpanData> spans = exported.getFinishedSpanItems().stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, spans.size(), () -> "spans: " + exported.getFinishedSpanItems());
        return spans.get(0);
    }

    private static String value(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
