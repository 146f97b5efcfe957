package dev.verifier.authorize.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** The revocation status cache: how stale an "active" answer may be, and what is never cached. */
class TokenStatusCacheTest {

    final Instant start = Instant.parse("2026-12-01T10:00:00Z");
    final AtomicReference<Instant> now = new AtomicReference<>(start);
    final Set<String> revoked = new HashSet<>();
    final AtomicInteger asked = new AtomicInteger();
    final TokenStatusCache cache = new TokenStatusCache(token -> {
        asked.incrementAndGet();
        if (token.equals("broken")) {
            throw new IllegalStateException("token-service cannot be reached");
        }
        return !revoked.contains(token);
    }, Duration.ofSeconds(5), now::get);
    final Instant expiry = start.plus(Duration.ofMinutes(10));

    @Test
    void activeAnswerIsReusedWithinTheTtlThenAskedAgainSoARevocationIsSeenAtMostTtlLate() {
        assertTrue(cache.active("j1", "t1", expiry));
        revoked.add("t1");

        now.set(start.plusSeconds(4));
        assertTrue(cache.active("j1", "t1", expiry), "stale for at most the ttl");
        assertEquals(1, asked.get());

        now.set(start.plusSeconds(5));
        assertFalse(cache.active("j1", "t1", expiry), "asked again once the ttl passed");
        assertEquals(2, asked.get());
    }

    @Test
    void inactiveAnswerIsKeptUntilTheTokenExpires() {
        revoked.add("t2");
        assertFalse(cache.active("j2", "t2", expiry));
        now.set(expiry.minusSeconds(1));
        assertFalse(cache.active("j2", "t2", expiry));
        assertEquals(1, asked.get(), "a revocation is final");
    }

    @Test
    void failureIsNotCached() {
        assertThrows(IllegalStateException.class, () -> cache.active("j3", "broken", expiry));
        assertThrows(IllegalStateException.class, () -> cache.active("j3", "broken", expiry));
        assertEquals(2, asked.get());
    }

    @Test
    void zeroTtlAsksEveryTime() {
        TokenStatusCache always = new TokenStatusCache(token -> {
            asked.incrementAndGet();
            return true;
        }, Duration.ZERO, now::get);
        always.active("j4", "t4", expiry);
        always.active("j4", "t4", expiry);
        assertEquals(2, asked.get());
    }
}
