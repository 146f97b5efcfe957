package dev.verifier.shared.runtime.lifecycle;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** Readiness of a copy that is stopping: DOWN (503) from the moment it was told to stop, so load balancers move on. */
@Singleton
@Readiness
@Requires(classes = HealthIndicator.class)
public class Draining implements HealthIndicator {

    private volatile boolean draining;

    public void start() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("draining", draining ? HealthStatus.DOWN : HealthStatus.UP).build());
    }
}
