package dev.verifier.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsCipherTest {

    private final String oldKey = SecretsCipher.newKeyRingEntry("k1");
    private final String newKey = SecretsCipher.newKeyRingEntry("k2");

    @Test
    void encryptThenDecryptGivesTheOriginalAndNeverThePlaintext() {
        SecretsCipher cipher = SecretsCipher.fromKeyRing(oldKey);
        String secret = ClientSecrets.generate();

        String sealed = cipher.encrypt(secret);

        assertFalse(sealed.contains(secret));
        assertNotEquals(sealed, cipher.encrypt(secret), "a fresh IV every time");
        assertEquals(secret, cipher.decrypt(sealed));
    }

    @Test
    void rotatedRingStillDecryptsOldValuesAndEncryptsWithTheNewKey() {
        String sealedUnderOld = SecretsCipher.fromKeyRing(oldKey).encrypt("s3cret");
        SecretsCipher rotated = SecretsCipher.fromKeyRing(newKey + "," + oldKey);

        assertEquals("s3cret", rotated.decrypt(sealedUnderOld));
        assertTrue(rotated.needsReEncryption(sealedUnderOld));
        assertTrue(rotated.encrypt("x").startsWith("v1.k2."));
    }

    @Test
    void tamperedCiphertextOrUnknownKeyIsRefused() {
        SecretsCipher cipher = SecretsCipher.fromKeyRing(oldKey);
        String sealed = cipher.encrypt("s3cret");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalArgumentException.class, () -> SecretsCipher.fromKeyRing(newKey).decrypt(sealed));
    }

    @Test
    void clientSecretsAre256BitsAndVerifyOnlyAgainstTheirHash() {
        String secret = ClientSecrets.generate();
        String hash = ClientSecrets.hash(secret);

        assertEquals(43, secret.length());
        assertTrue(ClientSecrets.matches(secret, hash));
        assertFalse(ClientSecrets.matches(secret + "x", hash));
        assertFalse(hash.contains(secret));
    }
}
