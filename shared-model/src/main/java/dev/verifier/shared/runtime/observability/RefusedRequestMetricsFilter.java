package dev.verifier.shared.runtime.observability;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.configuration.metrics.binder.web.WebMetricsServerCondition;
import io.micronaut.configuration.metrics.binder.web.config.HttpMetricsConfig;
import io.micronaut.configuration.metrics.binder.web.config.HttpServerMeterConfig;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Provider;

/**
 * Counts in {@code http.server.requests} the answers that micronaut-micrometer's own server filter never sees.
 * <p>
 * That filter ({@code ServerMetricsFilter}, micronaut-micrometer 5.13) has no order, so it runs last, after
 * micronaut-security's filter (phase SECURITY), CORS and CSRF: a request they refuse (401, 403) is answered before it
 * and was not counted (micronaut-micrometer issue 970, fixed upstream by ordering the filter in the METRICS phase).
 * This filter runs in the METRICS phase, around those, and records a request only when the library filter did not
 * (its start attribute is absent), with the same meter name and tag keys ({@code method}, {@code status},
 * {@code uri}, {@code exception}) and the same {@code uri} rules: the matched route's template, {@code UNMATCHED_URI}
 * when no route matched, {@code REDIRECTION} / {@code NOT_FOUND} by status — never the raw path, so refused requests
 * to made-up paths cannot multiply the time series.
 */
@ServerFilter("${micronaut.metrics.http.path:/**}")
@Requires(classes = {MeterRegistry.class, HttpMetricsConfig.class})
@RequiresMetrics
@Requires(property = HttpMetricsConfig.ENABLED, notEquals = "false")
@Requires(condition = WebMetricsServerCondition.class)
public class RefusedRequestMetricsFilter implements Ordered {

    /** The request attribute micronaut-micrometer's {@code ServerMetricsFilter} sets when it starts timing. */
    static final String LIBRARY_START_ATTRIBUTE =
            "io.micronaut.configuration.metrics.binder.web.ServerMetricsFilter.START_ATTRIBUTE";
    static final String UNMATCHED_URI = "UNMATCHED_URI";
    private static final String START_ATTRIBUTE = RefusedRequestMetricsFilter.class.getName() + ".start";

    private final Provider<MeterRegistry> registry;
    private final boolean clientErrorUris;

    public RefusedRequestMetricsFilter(Provider<MeterRegistry> registry,
                                       HttpMetricsConfig.ClientErrorsUrisConfig clientErrorUris) {
        this.registry = registry;
        this.clientErrorUris = clientErrorUris.enabled();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(START_ATTRIBUTE, System.nanoTime());
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(LIBRARY_START_ATTRIBUTE).isEmpty()) {
            long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElseGet(System::nanoTime);
            registry.get().timer(HttpServerMeterConfig.REQUESTS_METRIC, tags(request, response))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private List<Tag> tags(HttpRequest<?> request, HttpResponse<?> response) {
        int status = response.code();
        String exception = status < 400 ? "none" : response.getAttribute(HttpAttributes.EXCEPTION, Throwable.class)
                .map(t -> t.getClass().getSimpleName()).orElse("none");
        return List.of(Tag.of("method", request.getMethodName()), Tag.of("status", Integer.toString(status)),
                Tag.of("uri", uri(request, status)), Tag.of("exception", exception));
    }

    private String uri(HttpRequest<?> request, int status) {
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (!clientErrorUris && status >= 400 && status < 500) {
            return status == HttpStatus.UNAUTHORIZED.getCode() ? "UNAUTHORIZED" : "BAD_REQUEST";
        }
        if (status == HttpStatus.NOT_FOUND.getCode()) {
            return "NOT_FOUND";
        }
        String template = request.getAttribute(HttpAttributes.ROUTE_INFO, UriRouteMatch.class)
                .map(match -> match.getRouteInfo().getUriMatchTemplate().toPathString())
                .orElseGet(() -> request.getAttribute(HttpAttributes.URI_TEMPLATE, String.class)
                        .orElse(UNMATCHED_URI));
        String trimmed = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        return trimmed.isEmpty() ? "root" : trimmed;
    }
}
