package dev.verifier.token.grant.refresh;

import java.time.Clock;
import java.time.Instant;

import dev.verifier.token.grant.family.RefreshToken;
import dev.verifier.token.grant.family.RefreshTokens;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The one rule for a rotated refresh token presented again. It is a lost-answer retry, and may be redeemed once more,
 * only while it is within the configured grace after its rotation and it is still the newest token of its family to
 * have been rotated (its successor was never used: the client cannot have received it). Anything else is a reuse,
 * which revokes the family. With the default grace of 0 every reuse is one.
 */
@Singleton
class RefreshReuseRule {

    private final RefreshTokens tokens;
    private final RefreshReuseConfiguration config;
    private final Clock clock;

    RefreshReuseRule(RefreshTokens tokens, RefreshReuseConfiguration config, Clock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean isRetry(RefreshToken rotated) {
        Instant rotatedAt = rotated.rotatedAt();
        if (rotatedAt == null || config.refreshReuseGrace().isZero() || config.refreshReuseGrace().isNegative()) {
            return false;
        }
        if (!clock.instant().isBefore(rotatedAt.plus(config.refreshReuseGrace()))) {
            return false;
        }
        return !tokens.rotatedSince(rotated);
    }
}
