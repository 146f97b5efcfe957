package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Argon2id for new hashes, PBKDF2 still verifying, rehash asked for anything below the configured cost. */
class PasswordHasherTest {

    final PasswordHasher hasher = Hashers.at(64, 2, 1);

    @Test
    void newHashIsArgon2idInPhcFormatAtTheConfiguredCost() {
        String hash = hasher.hash("some password");
        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=2,p=1$"), hash);
        Argon2idHash parsed = Argon2idHash.parse(hash).orElseThrow();
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
        assertEquals(PasswordCheck.MATCH, hasher.check("some password", hash));
    }

    @Test
    void hashIsSaltedAndVerifiesOnlyTheRightPassword() {
        String first = hasher.hash("same password");
        assertNotEquals(first, hasher.hash("same password"), "a random salt per hash");
        assertTrue(hasher.matches("same password", first));
        assertFalse(hasher.matches("same passwore", first));
        assertFalse(hasher.matchesNobody("same password"));
    }

    @Test
    void pbkdf2HashAsStoredBeforeStillVerifiesAndAsksForRehash() {
        String legacy = Hashers.pbkdf2AsStoredBefore("an old password", 1000);
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, hasher.check("an old password", legacy));
        assertEquals(PasswordCheck.NO_MATCH, hasher.check("an old passwore", legacy));
    }

    @Test
    void argon2idHashBelowTheConfiguredCostAsksForRehashAndNotAtOrAbove() {
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, hasher.check("pw", Hashers.at(32, 2, 1).hash("pw")), "m lower");
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, hasher.check("pw", Hashers.at(64, 1, 1).hash("pw")), "t lower");
        assertEquals(PasswordCheck.MATCH, hasher.check("pw", Hashers.at(64, 2, 1).hash("pw")), "equal");
        assertEquals(PasswordCheck.MATCH, hasher.check("pw", Hashers.at(128, 3, 2).hash("pw")), "stronger");
        assertEquals(PasswordCheck.NO_MATCH, hasher.check("px", Hashers.at(32, 1, 1).hash("pw")), "wrong password");
        assertEquals(PasswordCheck.MATCH_NEEDS_REHASH, Hashers.at(64, 2, 2).check("pw", hasher.hash("pw")), "p lower");
    }

    @Test
    void malformedStoredHashesNeverMatchAndNeverThrow() {
        List<String> stored = new ArrayList<>(Argon2idHashTest.MALFORMED);
        stored.add(null);
        stored.add("plain-text");
        stored.add("$pbkdf2-sha256$i=0$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi_4");
        stored.add("$pbkdf2-sha256$i=abc$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi_4");
        stored.add("$pbkdf2-sha256$i=1000$c29tZXNhbHQ");
        for (String s : stored) {
            assertEquals(PasswordCheck.NO_MATCH, hasher.check("password", s), String.valueOf(s));
        }
    }
}
