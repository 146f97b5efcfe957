package dev.verifier.token.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/**
 * The service's own metrics at /prometheus: tokens issued by grant type and client, /token failures by OAuth error
 * code, and the lag from a code's issue (the event's {@code issued_at}) to it being stored here and redeemable, as a
 * histogram (percentiles with {@code histogram_quantile} over its buckets; one bucket ends at exactly
 * {@link #REDEEMABLE_LAG_OBJECTIVE}, so the share of codes slower than that is counted, not estimated). The issued
 * counter of each grant type and client is looked up once and kept (the registry holds it anyway), not built again for
 * every token.
 */
@Singleton
public class TokenMetrics {

    /** The code-issued → redeemable lag that 99 % of codes should stay within (issue 17's target). */
    public static final Duration REDEEMABLE_LAG_OBJECTIVE = Duration.ofMillis(20);

    private final MeterRegistry registry;
    private final Timer redeemableLag;
    private final Map<Issued, Counter> issuedCounters = new ConcurrentHashMap<>();

    TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.redeemableLag = Timer.builder("verifier.code.redeemable.lag")
                .description("time from a code's issue at authorize-service to it being redeemable at token-service")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .serviceLevelObjectives(REDEEMABLE_LAG_OBJECTIVE)
                .register(registry);
    }

    public void issued(String grantType, String clientId) {
        issuedCounters.computeIfAbsent(new Issued(grantType, clientId), key -> Counter.builder("verifier.tokens.issued")
                .description("successful /token answers by grant type and client")
                .tag("grant_type", grantType)
                .tag("client_id", clientId)
                .register(registry)).increment();
    }

    /** Back-channel logout outcomes: {@code delivered}, {@code retry}, {@code failed}, {@code skipped}. */
    public void backchannelLogout(String outcome) {
        registry.counter("verifier.backchannel.logout", "outcome", outcome).increment();
    }

    public void failed(String error) {
        Counter.builder("verifier.token.failures")
                .description("/token error answers by OAuth error code")
                .tag("error", error)
                .register(registry).increment();
    }

    public void codeRedeemableAfter(Duration lag) {
        redeemableLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    private record Issued(String grantType, String clientId) {
    }
}
