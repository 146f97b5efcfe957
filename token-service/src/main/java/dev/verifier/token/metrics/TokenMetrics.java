package dev.verifier.token.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The service's own metrics at /prometheus: tokens issued by grant type, /token failures by error code, and the lag
 * from a code's issue to it being redeemable here.
 */
@Singleton
public class TokenMetrics {

    private final MeterRegistry registry;

    TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void issued(String grantType) {
        registry.counter("verifier.tokens.issued", "grant_type", grantType).increment();
    }

    public void failed(String error) {
        registry.counter("verifier.token.failures", "error", error).increment();
    }

    public void codeRedeemableAfter(Duration lag) {
        registry.timer("verifier.code.redeemable.lag").record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
