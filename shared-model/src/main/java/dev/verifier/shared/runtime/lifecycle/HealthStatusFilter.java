package dev.verifier.shared.runtime.lifecycle;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.management.health.indicator.HealthResult;

/**
 * Gives a health answer its HTTP status (503 when readiness or liveness is DOWN), as micronaut-management's
 * {@link HealthResultFilter} does, but registered for every path and deciding by the answer's body. A filter bound to
 * some paths only makes Micronaut match every filter against every request's path and sort the list anew; with all
 * filters on {@code /**} each request reuses one list.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Replaces(HealthResultFilter.class)
@Requires(beans = HealthEndpoint.class)
class HealthStatusFilter {

    private final HealthEndpoint healthEndpoint;

    HealthStatusFilter(HealthEndpoint healthEndpoint) {
        this.healthEndpoint = healthEndpoint;
    }

    @ResponseFilter
    void setStatus(MutableHttpResponse<?> response) {
        if (!(response.body() instanceof HealthResult result)) {
            return;
        }
        HealthStatus status = result.getStatus();
        HttpStatus mapped = healthEndpoint.getStatusConfiguration().getHttpMapping().get(status.getName());
        if (mapped != null) {
            response.status(mapped);
        } else if (!status.getOperational().orElse(true)) {
            response.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
    }
}
