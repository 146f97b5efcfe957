package dev.verifier.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWKSet;
import dev.verifier.shared.runtime.security.VerifierJwksSignature;
import io.micronaut.core.annotation.Nullable;

/**
 * token-service's public keys as a resource server holds them: fetched once, kept for {@code ttl}, refetched at once
 * when a token names a {@code kid} the set lacks (a key rotated in since the last fetch) — but at most once per
 * {@code minRefreshInterval}, so tokens with made-up key ids cannot turn into a flood of JWKS requests. If a refetch
 * fails the last good set stays in use. A plain class; {@link VerifierJwksSignature} holds one.
 */
public final class JwksKeys {

    private final Supplier<JWKSet> fetcher;
    private final Duration ttl;
    private final Duration minRefreshInterval;
    private final Clock clock;

    private JWKSet keys;
    private Instant expiresAt = Instant.MIN;
    private Instant lastUnknownKidRefresh = Instant.MIN;

    public JwksKeys(Supplier<JWKSet> fetcher, Duration ttl, Duration minRefreshInterval, Clock clock) {
        this.fetcher = fetcher;
        this.ttl = ttl;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    /** The key set to verify a token whose header names {@code kid}; throws only if no set was ever fetched. */
    public synchronized JWKSet forKid(@Nullable String kid) {
        Instant now = clock.instant();
        if (stale(now)) {
            load(now);
        } else if (unknownKidRefreshDue(kid, now)) {
            lastUnknownKidRefresh = now;
            load(now);
        }
        return keys;
    }

    /**
     * The key set {@link #forKid} would answer when that needs no fetch (the set is fresh, and holds {@code kid} or an
     * unknown-kid refetch is not yet allowed); empty when {@link #forKid} would fetch. Lets a caller on an event loop
     * check a token in place and go to a blocking thread only for a fetch.
     */
    public synchronized Optional<JWKSet> cached(@Nullable String kid) {
        Instant now = clock.instant();
        if (stale(now) || unknownKidRefreshDue(kid, now)) {
            return Optional.empty();
        }
        return Optional.of(keys);
    }

    /** No set fetched yet, or its time is over. */
    private boolean stale(Instant now) {
        return keys == null || !now.isBefore(expiresAt);
    }

    private boolean unknownKidRefreshDue(@Nullable String kid, Instant now) {
        return kid != null && keys.getKeyByKeyId(kid) == null
                && !now.isBefore(lastUnknownKidRefresh.plus(minRefreshInterval));
    }

    private void load(Instant now) {
        try {
            keys = fetcher.get();
            expiresAt = now.plus(ttl);
        } catch (RuntimeException e) {
            if (keys == null) {
                throw e;
            }
            expiresAt = now.plus(minRefreshInterval);
        }
    }
}
