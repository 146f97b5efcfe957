package dev.verifier.token.tracing;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.shared.observability.RequestContextFilter;
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
import org.slf4j.MDC;

/**
 * Runs the handling of a Kafka record in a CONSUMER span whose parent is the W3C trace context the producer put in
 * the record's {@code traceparent}/{@code tracestate} headers, so the consumer joins the producer's trace; the span's
 * trace id is in the MDC meanwhile, so the log lines of the handling carry it. Spans are exported only when an
 * exporter is configured ({@code otel.traces.exporter}, none by default).
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

    MessageTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("dev.verifier.token-service");
    }

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
            MDC.put(RequestContextFilter.TRACE_ID, span.getSpanContext().getTraceId());
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            if (previous == null) {
                MDC.remove(RequestContextFilter.TRACE_ID);
            } else {
                MDC.put(RequestContextFilter.TRACE_ID, previous);
            }
        }
    }
}
