package dev.verifier.authorize.requestobject;

import dev.verifier.shared.config.ProfileConfiguration;
import dev.verifier.shared.web.OutboundUrlGuard;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The SSRF guard for request_uri fetches (the same policy as the registry's jwks_uri fetches). */
@Factory
class OutboundUrlGuardFactory {

    @Singleton
    OutboundUrlGuard outboundUrlGuard(ProfileConfiguration profile) {
        return new OutboundUrlGuard(profile.local());
    }
}
