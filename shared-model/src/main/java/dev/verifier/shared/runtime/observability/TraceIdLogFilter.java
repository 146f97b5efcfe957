package dev.verifier.shared.runtime.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.reactivestreams.Publisher;
import org.slf4j.MDC;

/**
 * Runs after OpenTelemetry's server filter and, when the request has a server span, puts that span's trace id in the
 * MDC (replacing the one {@link RequestContextFilter} derived from {@code traceparent} or generated), so the log lines
 * and audit events of a request name the trace that is exported. Without tracing there is no span and it does nothing.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class TraceIdLogFilter implements HttpServerFilter {

    @Override
    public int getOrder() {
        return ServerFilterPhase.TRACING.after();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return chain.proceed(request);
        }
        Map<String, String> mdc = new HashMap<>();
        Optional.ofNullable(MDC.getCopyOfContextMap()).ifPresent(mdc::putAll);
        mdc.put(RequestContextFilter.TRACE_ID, span.getTraceId());
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(mdc)).propagate()) {
            return chain.proceed(request);
        }
    }
}
