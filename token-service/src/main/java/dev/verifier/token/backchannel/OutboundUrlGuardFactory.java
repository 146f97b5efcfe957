package dev.verifier.token.backchannel;

import dev.verifier.shared.config.ProfileConfiguration;
import dev.verifier.shared.web.OutboundUrlGuard;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The SSRF guard for back-channel logout deliveries (the same policy as the other services' fetches). */
@Factory
class OutboundUrlGuardFactory {

    @Singleton
    OutboundUrlGuard outboundUrlGuard(ProfileConfiguration profile) {
        return new OutboundUrlGuard(profile.local());
    }
}
