package dev.verifier.shared.runtime.security;

import java.time.Clock;

import dev.verifier.shared.jose.VerifiedTokens;
import dev.verifier.shared.security.VerifiedTokensConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The service's one {@link VerifiedTokens}: its token parser and its signature checks must share it. */
@Factory
class VerifiedTokensFactory {

    @Singleton
    VerifiedTokens verifiedTokens(VerifiedTokensConfiguration config) {
        return new VerifiedTokens(config.maxEntries(), config.ttl(), Clock.systemUTC());
    }
}
