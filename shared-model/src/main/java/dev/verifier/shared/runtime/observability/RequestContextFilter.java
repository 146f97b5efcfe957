package dev.verifier.shared.runtime.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.verifier.shared.observability.TraceIds;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.MDC;

/**
 * Gives every HTTP request a request id ({@code X-Request-Id} if the caller sent a well-formed one, else a new one;
 * echoed in the response) and a trace id (from a W3C {@code traceparent}, else a new one), and puts both in the MDC
 * ({@value #REQUEST_ID}, {@value #TRACE_ID}) for the whole handling of the request, on every thread it moves to, so
 * that each log line written meanwhile carries them (the JSON log encoder writes the MDC).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class RequestContextFilter implements HttpServerFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "request_id";
    public static final String TRACE_ID = "trace_id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String requestId = Optional.ofNullable(request.getHeaders().get(HEADER))
                .filter(id -> WELL_FORMED.matcher(id).matches())
                .orElseGet(TraceIds::requestId);
        String traceId = TraceIds.fromTraceparent(request.getHeaders().get("traceparent"))
                .orElseGet(TraceIds::traceId);
        Map<String, String> mdc = new HashMap<>();
        Optional.ofNullable(MDC.getCopyOfContextMap()).ifPresent(mdc::putAll);
        mdc.put(REQUEST_ID, requestId);
        mdc.put(TRACE_ID, traceId);
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(mdc)).propagate()) {
            return Publishers.map(chain.proceed(request), response -> response.header(HEADER, requestId));
        }
    }
}
