package dev.verifier.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets the server must be able to read back (client_secret_jwt HMAC keys, signing keys).
 * <p>
 * The key ring comes from {@code VERIFIER_SECRETS_KEY}: {@code kid:base64key[,kid:base64key…]}; the first key
 * encrypts, every key decrypts, so a key can rotate (add the new one first, re-encrypt, then drop the old one).
 * Ciphertext: {@code v1.<kid>.<base64url iv>.<base64url ciphertext+tag>}; the key id is bound as associated data.
 */
public final class SecretsCipher {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final AesKeyRing ring;

    private SecretsCipher(AesKeyRing ring) {
        this.ring = ring;
    }

    /** Parses a key ring such as {@code k1:BASE64} (the key is 32 bytes, standard or url-safe base64). */
    public static SecretsCipher fromKeyRing(String keyRing) {
        return new SecretsCipher(AesKeyRing.parse("VERIFIER_SECRETS_KEY", keyRing));
    }

    /** A fresh key ring entry, {@code kid:base64key}, for a launcher that must generate one. */
    public static String newKeyRingEntry(String kid) {
        return kid + ":" + RandomTokens.base64Url(32);
    }

    public String currentKeyId() {
        return ring.currentKeyId();
    }

    /** The key ids of the ring, the current (first) one first. */
    public List<String> keyIds() {
        return ring.keyIds();
    }

    /**
     * A 32-byte key for another purpose, derived from ring key {@code kid} as HMAC-SHA256(key, label) (the
     * HKDF-Expand step with one block), so the AES key itself is never used for that purpose and each label gets an
     * independent key. Empty when {@code kid} is not in the ring.
     */
    public Optional<byte[]> derivedKey(String kid, String label) {
        return ring.rawKey(kid).map(key -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update(label.getBytes(StandardCharsets.UTF_8));
                return mac.doFinal(new byte[] {1});
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
    }

    /**
     * A cipher for another purpose: the same key ids, each key {@link #derivedKey derived} with {@code label}, so a
     * value sealed for one purpose never opens as another (nor as a stored client secret).
     */
    public SecretsCipher derived(String label) {
        return new SecretsCipher(ring.mapKeys(kid -> derivedKey(kid, label).orElseThrow()));
    }

    public String encrypt(String plaintext) {
        byte[] iv = AesKeyRing.newIv();
        String kid = ring.currentKeyId();
        byte[] sealed = ring.seal(iv, plaintext.getBytes(StandardCharsets.UTF_8), kid.getBytes(StandardCharsets.UTF_8));
        return "v1." + kid + "." + B64.encodeToString(iv) + "." + B64.encodeToString(sealed);
    }

    /** Decrypts a value from {@link #encrypt}; fails if it was altered or its key is not in the ring. */
    public String decrypt(String ciphertext) {
        String[] parts = ciphertext == null ? new String[0] : ciphertext.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new IllegalArgumentException("not a Verifier ciphertext");
        }
        if (!ring.has(parts[1])) {
            throw new IllegalArgumentException("ciphertext key " + parts[1] + " is not in VERIFIER_SECRETS_KEY");
        }
        try {
            byte[] plain = ring.open(parts[1], D64.decode(parts[2]), D64.decode(parts[3]),
                    parts[1].getBytes(StandardCharsets.UTF_8));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("ciphertext could not be decrypted", e);
        }
    }

    /** Whether the value was encrypted under a key other than the current one (re-encrypt it). */
    public boolean needsReEncryption(String ciphertext) {
        String[] parts = ciphertext.split("\\.");
        return parts.length != 4 || !ring.currentKeyId().equals(parts[1]);
    }
}
