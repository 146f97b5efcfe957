package dev.verifier.token.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecentClaimsTest {

    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final Map<String, Object> ALICE = Map.of("name", "Alice");

    @Test
    void claimsAreUsedAgainUntilTheTtlHasPassed() {
        RecentClaims recent = new RecentClaims(Duration.ofSeconds(30), 100);
        recent.put("alice", "openid profile", ALICE, T0);

        assertEquals(Optional.of(ALICE), recent.get("alice", "openid profile", T0.plusSeconds(29)));
        assertTrue(recent.get("alice", "openid profile", T0.plusSeconds(30)).isEmpty(), "read again after the ttl");
        assertTrue(recent.get("alice", "openid", T0).isEmpty(), "another scope releases other claims");
        assertTrue(recent.get("bob", "openid profile", T0).isEmpty());
        assertTrue(recent.get("alice", "openid profile", T0.minusSeconds(1)).isEmpty(), "a clock set back reads again");
    }

    @Test
    void aZeroTtlKeepsNothing() {
        RecentClaims recent = new RecentClaims(Duration.ZERO, 100);
        recent.put("alice", "openid", ALICE, T0);

        assertTrue(recent.get("alice", "openid", T0).isEmpty());
        assertEquals(0, recent.size());
    }

    @Test
    void forgettingASubjectDropsAllItsScopesAndNobodyElses() {
        RecentClaims recent = new RecentClaims(Duration.ofSeconds(30), 100);
        recent.put("alice", "openid", ALICE, T0);
        recent.put("alice", "openid profile", ALICE, T0);
        recent.put("bob", "openid", Map.of("name", "Bob"), T0);

        recent.forget("alice");

        assertTrue(recent.get("alice", "openid", T0).isEmpty());
        assertTrue(recent.get("alice", "openid profile", T0).isEmpty());
        assertEquals(Optional.of(Map.of("name", "Bob")), recent.get("bob", "openid", T0));
    }

    @Test
    void atTheBoundExpiredEntriesGoFirstThenAll() {
        RecentClaims recent = new RecentClaims(Duration.ofSeconds(30), 2);
        recent.put("a", "openid", ALICE, T0);
        recent.put("b", "openid", ALICE, T0.plusSeconds(20));

        recent.put("c", "openid", ALICE, T0.plusSeconds(40)); // a expired: only a goes

        assertEquals(2, recent.size());
        assertTrue(recent.get("b", "openid", T0.plusSeconds(40)).isPresent());
        assertTrue(recent.get("c", "openid", T0.plusSeconds(40)).isPresent());

        recent.put("d", "openid", ALICE, T0.plusSeconds(41)); // none expired: all go, then d

        assertEquals(1, recent.size());
        assertTrue(recent.get("d", "openid", T0.plusSeconds(41)).isPresent());
    }
}
