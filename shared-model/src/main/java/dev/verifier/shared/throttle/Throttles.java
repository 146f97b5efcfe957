package dev.verifier.shared.throttle;

import java.time.Clock;

import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.runtime.web.SourceAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-client and per-source-address failure limits of the request being served, with the operator's view of a trip:
 * metric {@code verifier_throttled_total{kind}}, audit event {@code request_throttled}, and the caller's 429
 * {@code temporarily_unavailable}. A plain class; each service makes its bean over its own {@link FailureStore}.
 */
public final class Throttles {

    private final FailureThrottle throttle;
    private final MeterRegistry meters;
    private final AuditEvents audit;
    private final SourceAddresses addresses;

    public Throttles(FailureStore store, ThrottleConfiguration config, Clock clock, MeterRegistry meters,
                     AuditEvents audit, SourceAddresses addresses) {
        this.throttle = new FailureThrottle(store, clock, config.underLimitTtl());
        this.meters = meters;
        this.audit = audit;
        this.addresses = addresses;
    }

    /** Refuses (429) when {@code clientId} or the request's source address is over its limit. */
    public void check(FailureLimit byClient, FailureLimit byAddress, String clientId) {
        String address = address();
        FailureLimit tripped = !throttle.allows(byClient, clientId) ? byClient
                : !throttle.allows(byAddress, address) ? byAddress : null;
        if (tripped == null) {
            return;
        }
        trip(tripped, clientId);
    }

    private void trip(FailureLimit tripped, String clientId) {
        Counter.builder("verifier.throttled").description("requests refused because a failure limit tripped")
                .tag("kind", tripped.kind()).register(meters).increment();
        audit.event(AuditType.REQUEST_THROTTLED).failure().actor(clientId).client(clientId)
                .detail("kind", tripped.kind()).emit();
        throw OAuthError.TOO_MANY_REQUESTS.exception("too many failed attempts; try again later");
    }

    /**
     * Counts one attempt of {@code subject} and of the request's source address before deciding
     * ({@link FailureThrottle#admits}: holds for parallel requests and across copies), then refuses (429) when either
     * is over its limit. For attempts that are cheap to make and must be few whatever their outcome (user codes).
     */
    public void admit(FailureLimit bySubject, FailureLimit byAddress, String subject) {
        boolean subjectOk = throttle.admits(bySubject, subject);
        boolean addressOk = throttle.admits(byAddress, address());
        if (!subjectOk || !addressOk) {
            trip(subjectOk ? byAddress : bySubject, subject);
        }
    }

    /** Counts one failure for {@code clientId} and for the request's source address. */
    public void failed(FailureLimit byClient, FailureLimit byAddress, String clientId) {
        throttle.failed(byClient, clientId);
        throttle.failed(byAddress, address());
    }

    private String address() {
        return addresses.current().orElse("none");
    }
}
