package dev.verifier.authorize.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256: salted, self-describing, and verifying only the right password. */
class PasswordHasherTest {

    @Test
    void hashAtOwaspCostNamesAlgorithmAndIterations() {
        String hash = new PasswordHasher(new UserConfiguration(600_000, 8)).hash("some password");
        assertTrue(hash.startsWith("$pbkdf2-sha256$i=600000$"), hash);
        assertTrue(new PasswordHasher(new UserConfiguration(1000, 8)).matches("some password", hash));
    }

    @Test
    void hashIsSaltedAndVerifiesOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(new UserConfiguration(1000, 8));
        String first = hasher.hash("same password");
        assertNotEquals(first, hasher.hash("same password"), "a random salt per hash");
        assertTrue(hasher.matches("same password", first));
        assertFalse(hasher.matches("same passwore", first));
        assertFalse(hasher.matches("same password", "plain-text"));
        assertFalse(hasher.matchesNobody("same password"));
    }

    @Test
    void hashesKeepTheirCostSoRaisingItLaterKeepsOldHashesValid() {
        String old = new PasswordHasher(new UserConfiguration(1000, 8)).hash("a password");
        assertTrue(new PasswordHasher(new UserConfiguration(2000, 8)).matches("a password", old));
    }
}
