package dev.verifier.shared.runtime.observability;

import java.util.regex.Pattern;

import dev.verifier.shared.observability.TraceIds;
import dev.verifier.shared.runtime.web.HttpDate;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Gives every HTTP request a request id ({@code X-Request-Id} if the caller sent a well-formed one, else a new one;
 * echoed in the response) and a trace id (from a W3C {@code traceparent}, else a new one), and puts both in the MDC
 * ({@value #REQUEST_ID}, {@value #TRACE_ID}) for the whole handling of the request, on every thread it moves to, so
 * that each log line written meanwhile carries them (the JSON log encoder writes the MDC). They travel in the
 * request's propagated context as {@link RequestIds}. Every response also gets its {@code Date} header here
 * ({@link HttpDate}; Micronaut's own is turned off).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestContextFilter implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "request_id";
    public static final String TRACE_ID = "trace_id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String ATTRIBUTE = RequestContextFilter.class.getName() + ".id";

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    public void identify(HttpRequest<?> request, MutablePropagatedContext context) {
        String sent = request.getHeaders().get(HEADER);
        String requestId = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : TraceIds.requestId();
        String traceId = TraceIds.fromTraceparent(request.getHeaders().get("traceparent"))
                .orElseGet(TraceIds::traceId);
        request.setAttribute(ATTRIBUTE, requestId);
        context.add(new RequestIds(requestId, traceId));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
        if (!response.getHeaders().contains(HttpHeaders.DATE)) {
            response.header(HttpHeaders.DATE, HttpDate.now());
        }
    }
}
