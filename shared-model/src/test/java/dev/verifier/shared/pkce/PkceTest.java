package dev.verifier.shared.pkce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    // RFC 7636 Appendix B
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256ChallengeMatchesTheRfcExample() {
        assertEquals(CHALLENGE, Pkce.challengeS256(VERIFIER));
        assertTrue(Pkce.matches(VERIFIER, CHALLENGE, "S256"));
    }

    @Test
    void wrongVerifierDoesNotMatch() {
        assertFalse(Pkce.matches(VERIFIER.replace('d', 'e'), CHALLENGE, "S256"));
    }

    @Test
    void plainAndMissingMethodsNeverMatch() {
        assertFalse(Pkce.matches(VERIFIER, VERIFIER, "plain"));
        assertFalse(Pkce.matches(VERIFIER, CHALLENGE, null));
        assertFalse(Pkce.matches(VERIFIER, null, "S256"));
    }

    @Test
    void verifierLengthMustBeBetween43And128() {
        assertFalse(Pkce.isWellFormedVerifier("a".repeat(42)));
        assertTrue(Pkce.isWellFormedVerifier("a".repeat(43)));
        assertTrue(Pkce.isWellFormedVerifier("a".repeat(128)));
        assertFalse(Pkce.isWellFormedVerifier("a".repeat(129)));
        assertFalse(Pkce.isWellFormedVerifier(null));
    }

    @Test
    void shortVerifierIsRefusedEvenWhenItsHashMatches() {
        String shortVerifier = "a".repeat(42);
        assertFalse(Pkce.matches(shortVerifier, Pkce.challengeS256(shortVerifier), "S256"));
    }

    @Test
    void verifierAllowsOnlyUnreservedCharacters() {
        assertTrue(Pkce.isWellFormedVerifier("A-._~".repeat(9)));
        assertFalse(Pkce.isWellFormedVerifier("a".repeat(42) + "+"));
        assertFalse(Pkce.isWellFormedVerifier("a".repeat(42) + " "));
    }
}
