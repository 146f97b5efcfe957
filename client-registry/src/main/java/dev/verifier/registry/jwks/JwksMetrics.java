package dev.verifier.registry.jwks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Counters of the JWKS cache: sets served from the cache, fetches that succeeded, fetches that failed or were refused. */
@Singleton
public class JwksMetrics {

    private final Counter hits;
    private final Counter fetches;
    private final Counter failures;

    public JwksMetrics(MeterRegistry registry) {
        this.hits = Counter.builder("verifier.registry.jwks.cache.hits")
                .description("client JWK sets served from the cache").register(registry);
        this.fetches = Counter.builder("verifier.registry.jwks.fetches")
                .description("successful fetches of client jwks_uri").register(registry);
        this.failures = Counter.builder("verifier.registry.jwks.fetch.failures")
                .description("failed or refused fetches of client jwks_uri").register(registry);
    }

    void hit() {
        hits.increment();
    }

    void fetched() {
        fetches.increment();
    }

    void failed() {
        failures.increment();
    }

    public double hits() {
        return hits.count();
    }

    public double fetches() {
        return fetches.count();
    }

    public double failures() {
        return failures.count();
    }
}
