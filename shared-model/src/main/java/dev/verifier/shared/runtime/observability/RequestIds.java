package dev.verifier.shared.runtime.observability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * The request id and trace id of the request being handled, carried in its propagated context: on each thread that
 * works on the request they are put in the MDC ({@link RequestContextFilter#REQUEST_ID},
 * {@link RequestContextFilter#TRACE_ID}) and the previous values are put back afterwards. Only these two keys are
 * touched, so a propagation costs two MDC writes, not copies of the whole MDC map as the generic MDC element makes.
 */
record RequestIds(@Nullable String requestId, @Nullable String traceId)
        implements ThreadPropagatedContextElement<RequestIds> {

    RequestIds withTraceId(String value) {
        return new RequestIds(requestId, value);
    }

    @Override
    public RequestIds updateThreadContext() {
        RequestIds previous = new RequestIds(MDC.get(RequestContextFilter.REQUEST_ID),
                MDC.get(RequestContextFilter.TRACE_ID));
        put(RequestContextFilter.REQUEST_ID, requestId);
        put(RequestContextFilter.TRACE_ID, traceId);
        return previous;
    }

    @Override
    public void restoreThreadContext(RequestIds previous) {
        put(RequestContextFilter.REQUEST_ID, previous.requestId());
        put(RequestContextFilter.TRACE_ID, previous.traceId());
    }

    private static void put(String key, @Nullable String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
