package dev.verifier.shared.runtime.observability;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Runs after OpenTelemetry's server filter and, when the request has a server span, puts that span's trace id in the
 * MDC (replacing the one {@link RequestContextFilter} derived from {@code traceparent} or generated), so the log lines
 * and audit events of a request name the trace that is exported. Without tracing there is no span and it does nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class TraceIdLogFilter implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @RequestFilter
    public void useSpanTraceId(MutablePropagatedContext context) {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return;
        }
        context.getContext().find(RequestIds.class).ifPresentOrElse(
                ids -> context.replace(ids, ids.withTraceId(span.getTraceId())),
                () -> context.add(new RequestIds(null, span.getTraceId())));
    }
}
