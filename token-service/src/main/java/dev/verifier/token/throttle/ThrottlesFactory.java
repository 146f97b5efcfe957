package dev.verifier.token.throttle;

import java.time.Clock;

import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.runtime.web.SourceAddresses;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The failure limits of this service, counted in its {@code failure_mark} table. */
@Factory
class ThrottlesFactory {

    @Singleton
    Throttles throttles(FailureMarkRepository marks, ThrottleConfiguration config, Clock clock, MeterRegistry meters,
                        AuditEvents audit, SourceAddresses addresses) {
        return new Throttles(marks, config, clock, meters, audit, addresses);
    }
}
