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

    /**
     * Starts an attempt of {@code clientId} under two failure limits, reading where the client and the request's
     * source address stand before the work. A limit answers failures only: over it, the attempt still runs, and it is
     * served if it succeeds; if it fails, {@link Attempt#failed()} answers 429 instead. So nobody can lock a client's
     * users out by failing on purpose with its (public) client id, while a guesser past the limit gets no verdict but
     * a success, which high-entropy secrets and MAC'd codes do not give.
     */
    public Attempt attempt(FailureLimit byClient, FailureLimit byAddress, String clientId) {
        String address = address();
        FailureLimit over = !throttle.allows(byClient, clientId) ? byClient
                : !throttle.allows(byAddress, address) ? byAddress : null;
        return new Attempt(byClient, byAddress, clientId, address, over);
    }

    /** One attempt under a client's and a source address's failure limits ({@link #attempt}). */
    public final class Attempt {

        private final FailureLimit byClient;
        private final FailureLimit byAddress;
        private final String clientId;
        private final String address;
        private final FailureLimit over;

        private Attempt(FailureLimit byClient, FailureLimit byAddress, String clientId, String address,
                        FailureLimit over) {
            this.byClient = byClient;
            this.byAddress = byAddress;
            this.clientId = clientId;
            this.address = address;
            this.over = over;
        }

        /**
         * The attempt failed: counted for the client and the source address when both were under their limits;
         * otherwise refused (429), with nothing more counted (a flood past the limit writes no rows).
         */
        public void failed() {
            if (over != null) {
                trip(over, clientId);
            }
            throttle.failed(byClient, clientId);
            throttle.failed(byAddress, address);
        }
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

    private String address() {
        return addresses.current().orElse("none");
    }
}
