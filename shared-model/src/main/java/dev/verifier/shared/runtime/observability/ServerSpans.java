package dev.verifier.shared.runtime.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.tracing.opentelemetry.instrument.http.server.MicronautHttpServerTelemetryFactory;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The server span of every request, in place of micronaut-tracing's default instrumenter (its filter, exclusions and
 * context propagation are kept; only what a span records changes). The default runs OpenTelemetry's full HTTP
 * semantic-convention extractors for every request (headers searched for the user agent and the server's address,
 * the URI parsed again, the route's template rendered anew, the protocol version) and records HTTP metrics that
 * nothing reads (this project's are Micrometer's). In flight recordings the tracing took 11-17 % of a service's
 * samples on its cheapest requests with the default and 6-12 % with this (docs/performance.md). This records the
 * conventions' required attributes, {@code http.request.method}, {@code url.path}, {@code url.scheme},
 * {@code http.route} where a route matched, {@code http.response.status_code} and {@code error.type} (the exception,
 * or the status of a 5xx answer), and none of the recommended ones ({@code user_agent.original},
 * {@code server.address}, {@code network.protocol.version}); the span is named {@code "{method} {route}"} and
 * continues the W3C trace context of the request's headers.
 */
@Factory
@Requires(classes = MicronautHttpServerTelemetryFactory.class)
class ServerSpans {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** The W3C trace context of a request: {@code traceparent} and {@code tracestate}, read from its headers. */
    private static final TextMapGetter<HttpRequest<Object>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpRequest<Object> request) {
            return request.getHeaders().names();
        }

        @Override
        @Nullable
        public String get(@Nullable HttpRequest<Object> request, String name) {
            return request == null ? null : request.getHeaders().get(name);
        }
    };

    /** Each route's template as text, rendered once: a route is matched by the same object for every request. */
    private final Map<UriRouteInfo<?, ?>, String> routes = new ConcurrentHashMap<>();

    @Singleton
    @Named("micronautHttpServerTelemetryInstrumenter")
    @Replaces(bean = Instrumenter.class, factory = MicronautHttpServerTelemetryFactory.class)
    @Requires(beans = OpenTelemetry.class)
    Instrumenter<HttpRequest<Object>, HttpResponse<Object>> serverSpans(OpenTelemetry openTelemetry) {
        return Instrumenter.<HttpRequest<Object>, HttpResponse<Object>>builder(openTelemetry,
                        "io.micronaut.http.server", this::spanName)
                .addAttributesExtractor(new RequestAttributes())
                .setSpanStatusExtractor((status, request, response, error) -> {
                    if (error != null || serverError(response)) {
                        status.setStatus(StatusCode.ERROR);
                    }
                })
                .buildServerInstrumenter(HEADERS);
    }

    /** {@code "{method} {route}"}: {@code HTTP} for a method outside HTTP's known set, no route if none matched. */
    private String spanName(HttpRequest<Object> request) {
        String method = request.getMethod() == HttpMethod.CUSTOM ? "HTTP" : method(request);
        String route = route(request);
        return route == null ? method : method + " " + route;
    }

    private static boolean serverError(@Nullable HttpResponse<?> response) {
        return response != null && response.code() >= 500;
    }

    @Nullable
    private String route(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance)
                .map(info -> routes.computeIfAbsent((UriRouteInfo<?, ?>) info,
                        uri -> uri.getUriMatchTemplate().toPathString()))
                .orElse(null);
    }

    /** The method as the conventions name it: a method outside HTTP's known set is {@code _OTHER}. */
    private static String method(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.CUSTOM ? "_OTHER" : request.getMethod().name();
    }

    private final class RequestAttributes implements AttributesExtractor<HttpRequest<Object>, HttpResponse<Object>> {

        @Override
        public void onStart(AttributesBuilder attributes, Context parent, HttpRequest<Object> request) {
            attributes.put(METHOD, method(request));
            attributes.put(PATH, request.getPath());
            attributes.put(SCHEME, request.isSecure() ? "https" : "http");
            String route = route(request);
            if (route != null) {
                attributes.put(ROUTE, route);
            }
        }

        @Override
        public void onEnd(AttributesBuilder attributes, Context context, HttpRequest<Object> request,
                          @Nullable HttpResponse<Object> response, @Nullable Throwable error) {
            if (response != null) {
                attributes.put(STATUS, (long) response.code());
            }
            if (error != null) {
                attributes.put(ERROR_TYPE, error.getClass().getName());
            } else if (serverError(response)) {
                attributes.put(ERROR_TYPE, String.valueOf(response.code()));
            }
        }
    }
}
