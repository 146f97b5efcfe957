package dev.verifier.registry.jwks;

import dev.verifier.shared.config.ProfileConfiguration;
import dev.verifier.shared.web.OutboundUrlGuard;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The SSRF guard for jwks_uri fetches: https and public addresses only, outside the local profile. */
@Factory
class OutboundUrlGuardFactory {

    @Singleton
    OutboundUrlGuard outboundUrlGuard(ProfileConfiguration profile) {
        return new OutboundUrlGuard(profile.local());
    }
}
