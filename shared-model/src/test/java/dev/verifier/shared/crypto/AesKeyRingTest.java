package dev.verifier.shared.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.List;

import dev.verifier.shared.jose.NativeCrypto;
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

    /**
     * The ring seals on the native provider where it loads (x86-64 Linux: the development and CI machines), and what
     * either provider sealed the other opens, so copies and releases on either read each other's ciphertexts.
     */
    @Test
    void theNativeProviderAndTheJdksReadEachOthersCiphertexts() throws GeneralSecurityException {
        AesKeyRing ring = AesKeyRing.parse("SETTING", K1);
        Provider nativeProvider = NativeCrypto.provider().orElseThrow();
        AesKeyRing jdk = ring.onProvider(null);
        AesKeyRing onNative = ring.onProvider(nativeProvider);
        byte[] aad = "what it is for".getBytes(StandardCharsets.UTF_8);
        byte[] plaintext = "a secret of some length, longer than one AES block".getBytes(StandardCharsets.UTF_8);

        byte[] iv = AesKeyRing.newIv();
        byte[] sealedByJdk = jdk.seal(iv, plaintext, aad);
        assertArrayEquals(sealedByJdk, onNative.seal(iv, plaintext, aad));
        assertArrayEquals(plaintext, onNative.open("k1", iv, sealedByJdk, aad));
        byte[] iv2 = AesKeyRing.newIv();
        assertArrayEquals(plaintext, jdk.open("k1", iv2, ring.seal(iv2, plaintext, aad), aad));
        assertSame(nativeProvider, ring.provider());

        sealedByJdk[3] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> onNative.open("k1", iv, sealedByJdk, aad));
        assertThrows(GeneralSecurityException.class, () -> onNative.open("k1", iv, onNative.seal(iv, plaintext, aad),
                "other".getBytes(StandardCharsets.UTF_8)));
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
