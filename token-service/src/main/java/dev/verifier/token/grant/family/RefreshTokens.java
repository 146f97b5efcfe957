package dev.verifier.token.grant.family;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.token.config.TokenConfiguration;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Opaque 256-bit refresh tokens, stored as their SHA-256, with sliding idle and absolute (family) lifetimes. */
@Singleton
public class RefreshTokens {

    private final RefreshTokenRepository tokens;
    private final TokenConfiguration config;
    private final Clock clock;

    RefreshTokens(RefreshTokenRepository tokens, TokenConfiguration config, Clock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** A new refresh token in the family; its idle expiry never passes the family's absolute expiry. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public String issue(GrantFamily family, String scope) {
        String token = RandomTokens.base64Url(32);
        Instant now = clock.instant();
        tokens.save(new RefreshToken(Hashes.sha256Base64Url(token), family.id(), scope, now, idleExpiry(family, now),
                null));
        return token;
    }

    @Transactional
    public Optional<RefreshToken> find(String token) {
        return tokens.findById(Hashes.sha256Base64Url(token));
    }

    /** The token as stored now (another request may have rotated it since it was read). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<RefreshToken> reread(RefreshToken token) {
        return tokens.findById(token.tokenHash());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean rotate(RefreshToken token) {
        return tokens.rotate(token.tokenHash(), clock.instant()) == 1;
    }

    /** The live successor(s) of a retried token are retired, so the retry's answer holds the family's only live one. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void retireLive(GrantFamily family) {
        tokens.retireLive(family.id(), clock.instant());
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean touch(RefreshToken token, GrantFamily family) {
        return tokens.touch(token.tokenHash(), idleExpiry(family, clock.instant())) == 1;
    }

    /** Whether a token of the family was rotated after {@code token} was (nothing followed that rotation: false). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean rotatedSince(RefreshToken token) {
        return token.rotatedAt() != null && tokens.countRotatedAfter(token.familyId(), token.rotatedAt()) > 0;
    }

    private Instant idleExpiry(GrantFamily family, Instant now) {
        Instant idle = now.plus(config.refreshIdleLifetime());
        return idle.isAfter(family.absoluteExpiresAt()) ? family.absoluteExpiresAt() : idle;
    }
}
