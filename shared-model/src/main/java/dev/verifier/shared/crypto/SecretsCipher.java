package dev.verifier.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets the server must be able to read back (client_secret_jwt HMAC keys, signing keys).
 * <p>
 * The key ring comes from {@code VERIFIER_SECRETS_KEY}: {@code kid:base64key[,kid:base64key…]}; the first key
 * encrypts, every key decrypts, so a key can rotate (add the new one first, re-encrypt, then drop the old one).
 * Ciphertext: {@code v1.<kid>.<base64url iv>.<base64url ciphertext+tag>}; the key id is bound as associated data.
 */
public final class SecretsCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private SecretsCipher(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /** Parses a key ring such as {@code k1:BASE64} (the key is 32 bytes, standard or url-safe base64). */
    public static SecretsCipher fromKeyRing(String keyRing) {
        if (keyRing == null || keyRing.isBlank()) {
            throw new IllegalArgumentException("VERIFIER_SECRETS_KEY is not set");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyRing.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("VERIFIER_SECRETS_KEY entries are kid:base64key");
            }
            String kid = entry.substring(0, colon).trim();
            byte[] key = decodeKey(entry.substring(colon + 1).trim());
            if (key.length != 32) {
                throw new IllegalArgumentException("key " + kid + " must be 32 bytes (AES-256)");
            }
            keys.put(kid, new SecretKeySpec(key, "AES"));
        }
        return new SecretsCipher(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    /** A fresh key ring entry, {@code kid:base64key}, for a launcher that must generate one. */
    public static String newKeyRingEntry(String kid) {
        return kid + ":" + RandomTokens.base64Url(32);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The key ids of the ring, the current (first) one first. */
    public java.util.List<String> keyIds() {
        java.util.List<String> ids = new java.util.ArrayList<>(keys.keySet());
        ids.remove(currentKeyId);
        ids.add(0, currentKeyId);
        return ids;
    }

    /**
     * A 32-byte key for another purpose, derived from ring key {@code kid} as HMAC-SHA256(key, label) (the
     * HKDF-Expand step with one block), so the AES key itself is never used for that purpose and each label gets an
     * independent key. Empty when {@code kid} is not in the ring.
     */
    public java.util.Optional<byte[]> derivedKey(String kid, String label) {
        SecretKey key = keys.get(kid);
        if (key == null) {
            return java.util.Optional.empty();
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            return java.util.Optional.of(mac.doFinal(new byte[] {1}));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * A cipher for another purpose: the same key ids, each key {@link #derivedKey derived} with {@code label}, so a
     * value sealed for one purpose never opens as another (nor as a stored client secret).
     */
    public SecretsCipher derived(String label) {
        Map<String, SecretKey> derived = new LinkedHashMap<>();
        for (String kid : keyIds()) {
            derived.put(kid, new SecretKeySpec(derivedKey(kid, label).orElseThrow(), "AES"));
        }
        return new SecretsCipher(currentKeyId, derived);
    }

    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, currentKeyId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1." + currentKeyId + "." + B64.encodeToString(iv) + "." + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts a value from {@link #encrypt}; fails if it was altered or its key is not in the ring. */
    public String decrypt(String ciphertext) {
        String[] parts = ciphertext == null ? new String[0] : ciphertext.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new IllegalArgumentException("not a Verifier ciphertext");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalArgumentException("ciphertext key " + parts[1] + " is not in VERIFIER_SECRETS_KEY");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, D64.decode(parts[2]), parts[1]);
            return new String(cipher.doFinal(D64.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("ciphertext could not be decrypted", e);
        }
    }

    /** Whether the value was encrypted under a key other than the current one (re-encrypt it). */
    public boolean needsReEncryption(String ciphertext) {
        String[] parts = ciphertext.split("\\.");
        return parts.length != 4 || !currentKeyId.equals(parts[1]);
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decodeKey(String value) {
        try {
            return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("VERIFIER_SECRETS_KEY key is not base64", e);
        }
    }
}
