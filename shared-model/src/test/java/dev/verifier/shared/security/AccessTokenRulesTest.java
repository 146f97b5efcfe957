package dev.verifier.shared.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

/** The one set of access-token checks (resource servers and token-service's internal callers) and its edge cases. */
class AccessTokenRulesTest {

    static final String ISSUER = "http://localhost:9000";
    static final String API = "http://localhost:9003";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final AccessTokenRules RULES = new AccessTokenRules(ISSUER, Set.of(API, API + "/admin"), Duration.ofSeconds(30));

    static JWTClaimsSet.Builder token() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(API).subject("alice").claim("scope", "notes.read")
                .issueTime(Date.from(NOW.minusSeconds(60))).expirationTime(Date.from(NOW.plusSeconds(540)));
    }

    static boolean accepts(JWTClaimsSet.Builder claims) {
        return RULES.accepts(claims.build(), NOW);
    }

    @Test
    void aValidTokenIsAccepted() {
        assertTrue(accepts(token()));
        assertTrue(accepts(token().audience(List.of("http://localhost:9000", API + "/admin"))), "any one audience");
    }

    @Test
    void issuerAndAudienceMustMatchATrailingSlashAside() {
        assertFalse(accepts(token().issuer(ISSUER + "/")));
        assertFalse(accepts(token().audience("http://localhost:9002")));
        assertFalse(accepts(token().audience(List.of())));
        assertTrue(accepts(token().audience(API + "/")));
    }

    @Test
    void expiryIsRequiredAndHasTheSkew() {
        assertFalse(accepts(token().expirationTime(null)));
        assertTrue(accepts(token().expirationTime(Date.from(NOW.minusSeconds(29)))));
        assertFalse(accepts(token().expirationTime(Date.from(NOW.minusSeconds(30)))));
    }

    @Test
    void notBeforeAndIssuedAtMayNotBeInTheFutureBeyondTheSkew() {
        assertTrue(accepts(token().notBeforeTime(Date.from(NOW.plusSeconds(30)))));
        assertFalse(accepts(token().notBeforeTime(Date.from(NOW.plusSeconds(31)))));
        assertTrue(accepts(token().issueTime(Date.from(NOW.plusSeconds(30)))));
        assertFalse(accepts(token().issueTime(Date.from(NOW.plusSeconds(31)))));
    }

    @Test
    void aScopeClaimThatIsNotAStringIsRefused() {
        assertFalse(accepts(token().claim("scope", List.of("notes.read"))));
        assertTrue(accepts(token().claim("scope", null)), "no scope claim at all is not refused here");
    }

    @Test
    void theSkewIsBoundedToTwoMinutesAndNeverNegative() {
        assertEquals(Duration.ofMinutes(2), new AccessTokenRules(ISSUER, Set.of(API), Duration.ofHours(1)).clockSkew());
        assertEquals(Duration.ZERO, new AccessTokenRules(ISSUER, Set.of(API), Duration.ofSeconds(-5)).clockSkew());
        assertEquals(Duration.ZERO, AccessTokenRules.bounded(null));
    }

    @Test
    void onlyAtJwtIsAnAccessTokenType() {
        assertTrue(AccessTokenRules.isAccessTokenType(new JOSEObjectType("at+jwt")));
        assertTrue(AccessTokenRules.isAccessTokenType(new JOSEObjectType("application/AT+JWT")));
        assertFalse(AccessTokenRules.isAccessTokenType(JOSEObjectType.JWT), "an ID token");
        assertFalse(AccessTokenRules.isAccessTokenType(null));
    }
}
