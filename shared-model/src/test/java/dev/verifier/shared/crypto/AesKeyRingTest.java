package dev.verifier.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;

import org.junit.jupiter.api.Test;

class AesKeyRingTest {

    private static final String K1 = SecretsCipher.newKeyRingEntry("k1");
    private static final String K2 = SecretsCipher.newKeyRingEntry("k2");

    @Test
    void theFirstKeySealsAndEveryKeyOpens() throws GeneralSecurityException {
        AesKeyRing old = AesKeyRing.parse("SETTING", K1);
        AesKeyRing rotated = AesKeyRing.parse("SETTING", K2 + "," + K1);
        byte[] iv = AesKeyRing.newIv();
        byte[] aad = "what it is for".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = old.seal(iv, "secret".getBytes(StandardCharsets.UTF_8), aad);

        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), rotated.open("k1", iv, sealed, aad));
        assertEquals("k2", rotated.currentKeyId());
        assertEquals(List.of("k2", "k1"), rotated.keyIds());
    }

    @Test
    void otherAssociatedDataOrAnUnknownKeyDoesNotOpen() {
        AesKeyRing ring = AesKeyRing.parse("SETTING", K1);
        byte[] iv = AesKeyRing.newIv();
        byte[] sealed = ring.seal(iv, new byte[] {1, 2, 3}, new byte[] {9});

        assertThrows(GeneralSecurityException.class, () -> ring.open("k1", iv, sealed, new byte[] {8}));
        assertThrows(IllegalArgumentException.class, () -> ring.open("k2", iv, sealed, new byte[] {9}));
    }

    @Test
    void aMalformedRingIsRefusedNamingTheSettingAndTheFault() {
        assertEquals("SETTING is not set",
                assertThrows(IllegalArgumentException.class, () -> AesKeyRing.parse("SETTING", " ")).getMessage());
        assertEquals("SETTING entries are kid:base64key (a kid without dots), separated by commas",
                assertThrows(IllegalArgumentException.class,
                        () -> AesKeyRing.parse("SETTING", "k.1:" + K1.substring(3))).getMessage());
        assertEquals("SETTING key k1 must be 32 bytes (AES-256)",
                assertThrows(IllegalArgumentException.class, () -> AesKeyRing.parse("SETTING", "k1:c2hvcnQ"))
                        .getMessage());
        assertEquals("SETTING key k1 is not base64",
                assertThrows(IllegalArgumentException.class, () -> AesKeyRing.parse("SETTING", "k1:!!!"))
                        .getMessage());
    }
}
