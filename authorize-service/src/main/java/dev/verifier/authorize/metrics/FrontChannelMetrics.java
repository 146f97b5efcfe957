package dev.verifier.authorize.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Counters of the front channel at {@code /prometheus}: logins by result, codes issued, codes whose event Kafka did
 * not confirm, and authorization errors by OAuth error code (low cardinality: no client or user tags).
 */
@Singleton
public class FrontChannelMetrics {

    private final MeterRegistry registry;

    FrontChannelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code ok}, {@code failed}, {@code throttled} or {@code hashing_busy} (no password-hashing slot came free). */
    public void login(String result) {
        registry.counter("verifier.authorize.logins", "result", result).increment();
    }

    public void codeIssued() {
        registry.counter("verifier.authorize.codes.issued").increment();
    }

    public void codeNotConfirmed() {
        registry.counter("verifier.authorize.codes.unconfirmed").increment();
    }

    /** {@code redirected}, {@code logged_out} (no redirect) or {@code confirmation_shown}. */
    public void logout(String result) {
        registry.counter("verifier.authorize.logouts", "result", result).increment();
    }

    public void authorizationError(String error) {
        registry.counter("verifier.authorize.errors", "error", error).increment();
    }
}
