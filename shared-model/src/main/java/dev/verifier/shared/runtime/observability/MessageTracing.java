package dev.verifier.shared.runtime.observability;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import dev.verifier.shared.observability.TraceIds;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;

/**
 * Trace context across Kafka, by hand (W3C {@value #TRACEPARENT}/{@value #TRACESTATE} record headers):
 * {@link #produce} sends a record in a PRODUCER span, child of the current span, and hands the sender the headers
 * that carry that span's context; {@link #consume} handles a record in a CONSUMER span whose parent is the context in
 * its headers, with the span's trace id in the log MDC meanwhile. Without micronaut-tracing (no {@link OpenTelemetry}
 * bean) both still run, with no-op spans and headers left empty; spans are exported only when an exporter is
 * configured ({@code otel.traces.exporter}, none by default).
 */
@Singleton
public class MessageTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public MessageTracing(@Nullable OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry == null ? OpenTelemetry.noop() : openTelemetry;
        this.tracer = this.openTelemetry.getTracer("dev.verifier.messaging");
    }

    /**
     * Sends a record to {@code topic} in a PRODUCER span: {@code send} gets the record headers that carry the span's
     * context and answers the broker's confirmation; the span ends when that completes (an error if it fails).
     */
    public <T> CompletableFuture<T> produce(String topic, Function<Headers, CompletableFuture<T>> send) {
        Span span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "publish")
                .startSpan();
        Headers headers = new RecordHeaders();
        CompletableFuture<T> sent;
        try (Scope ignored = span.makeCurrent()) {
            openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers,
                    (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
            sent = send.apply(headers);
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        }
        return sent.whenComplete((result, error) -> {
            if (error == null) {
                span.end();
            } else {
                failed(span, error);
            }
        });
    }

    /**
     * Runs the handling of a record from {@code topic} in a CONSUMER span whose parent is the producer's context from
     * the record's headers (a root span when they carry none), its trace id in the MDC meanwhile (without tracing:
     * the {@code traceparent}'s trace id, else a new one).
     */
    public void consume(String topic, @Nullable String traceparent, @Nullable String tracestate, Runnable work) {
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null) {
            carrier.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), carrier, GETTER);
        Span span = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "process")
                .startSpan();
        String previous = MDC.get(RequestContextFilter.TRACE_ID);
        try (Scope ignored = span.makeCurrent()) {
            MDC.put(RequestContextFilter.TRACE_ID, span.getSpanContext().isValid()
                    ? span.getSpanContext().getTraceId()
                    : TraceIds.fromTraceparent(traceparent).orElseGet(TraceIds::traceId));
            work.run();
            span.end();
        } catch (RuntimeException e) {
            failed(span, e);
            throw e;
        } finally {
            if (previous == null) {
                MDC.remove(RequestContextFilter.TRACE_ID);
            } else {
                MDC.put(RequestContextFilter.TRACE_ID, previous);
            }
        }
    }

    /** The current span's context as a W3C {@code traceparent}, to keep with what it produced (empty: no span). */
    public Optional<String> currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier,
                (map, key, value) -> map.put(key, value));
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * Records that {@code operation} happened now, in the trace of {@code traceparent} (kept from an earlier
     * message): a span there, linked both ways with the current span. So the redemption of a code joins the trace
     * that issued it even when the request carries another trace (or none). Nothing without a traceparent.
     */
    public void joinTrace(String operation, @Nullable String traceparent) {
        if (traceparent == null) {
            return;
        }
        Context origin = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
        Span current = Span.current();
        Span joined = tracer.spanBuilder(operation).setParent(origin).addLink(current.getSpanContext()).startSpan();
        current.addLink(joined.getSpanContext());
        joined.end();
    }

    private static void failed(Span span, Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR);
        span.end();
    }
}
