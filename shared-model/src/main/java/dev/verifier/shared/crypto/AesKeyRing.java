package dev.verifier.shared.crypto;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.verifier.shared.jose.NativeCrypto;
import io.micronaut.core.annotation.Nullable;

/**
 * A ring of AES-256 keys by key id, parsed from {@code kid:base64key[,kid:base64key…]} (standard or url-safe base64,
 * padded or not): the first key seals, every key opens, so a key rotates by adding the new one in front, then removing
 * the old one once nothing under it is left. AES-256-GCM with a random 96-bit IV and a 128-bit tag; the caller gives the
 * associated data that binds what a ciphertext is for. The one home of the key-ring format and of AES-GCM for
 * {@link SecretsCipher} (stored secrets, sealed interactions) and the code-issued event seal. AES-GCM runs on the
 * native provider where it loads ({@link NativeCrypto}: about a tenth of the JDK's CPU under the launchers' C1-only
 * JIT; loaded at the first seal or open, not when the ring is parsed at start-up), on the JDK's elsewhere; both read
 * and write the same bytes.
 */
public final class AesKeyRing {

    public static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String GCM = "AES/GCM/NoPadding";

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;
    /** The JCA provider of AES-GCM (null: the JDK's), asked at each use, so the native one loads at the first. */
    private final Supplier<Provider> provider;

    private AesKeyRing(String currentKeyId, Map<String, SecretKey> keys, Supplier<Provider> provider) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
        this.provider = provider;
    }

    /**
     * Parses a ring; a missing or malformed one fails with an {@link IllegalArgumentException} whose message names
     * {@code setting} (the environment variable) and says what is wrong. Key ids hold no dots (they are a field of the
     * dotted ciphertext formats).
     */
    public static AesKeyRing parse(String setting, String keyRing) {
        if (keyRing == null || keyRing.isBlank()) {
            throw new IllegalArgumentException(setting + " is not set");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyRing.split(",")) {
            int colon = entry.indexOf(':');
            String kid = colon <= 0 ? "" : entry.substring(0, colon).trim();
            if (kid.isEmpty() || kid.contains(".")) {
                throw new IllegalArgumentException(setting + " entries are kid:base64key (a kid without dots), "
                        + "separated by commas");
            }
            byte[] key;
            try {
                key = Base64.getUrlDecoder().decode(
                        entry.substring(colon + 1).trim().replace('+', '-').replace('/', '_').replace("=", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + " key " + kid + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(setting + " key " + kid + " must be 32 bytes (AES-256)");
            }
            keys.put(kid, new SecretKeySpec(key, "AES"));
        }
        return new AesKeyRing(keys.keySet().iterator().next(), Map.copyOf(keys),
                () -> NativeCrypto.provider().orElse(null));
    }

    /** The JCA provider of AES-GCM; null for the JDK's. */
    @Nullable
    Provider provider() {
        return provider.get();
    }

    /** The same ring on {@code provider} (null: the JDK's), to check that providers read each other's ciphertexts. */
    AesKeyRing onProvider(@Nullable Provider provider) {
        return new AesKeyRing(currentKeyId, keys, () -> provider);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The key ids of the ring, the current (first) one first. */
    public List<String> keyIds() {
        List<String> ids = new ArrayList<>(keys.keySet());
        ids.remove(currentKeyId);
        ids.add(0, currentKeyId);
        return ids;
    }

    /** Whether {@code kid} is in the ring. */
    public boolean has(String kid) {
        return keys.containsKey(kid);
    }

    /** The raw key {@code kid}, for deriving keys for other purposes; empty when it is not in the ring. */
    Optional<byte[]> rawKey(String kid) {
        return Optional.ofNullable(keys.get(kid)).map(SecretKey::getEncoded);
    }

    /** A ring with the same key ids whose keys are {@code derive(kid)}. */
    AesKeyRing mapKeys(java.util.function.Function<String, byte[]> derive) {
        Map<String, SecretKey> derived = new LinkedHashMap<>();
        for (String kid : keyIds()) {
            derived.put(kid, new SecretKeySpec(derive.apply(kid), "AES"));
        }
        return new AesKeyRing(currentKeyId, Map.copyOf(derived), provider);
    }

    /** A fresh random IV. */
    public static byte[] newIv() {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        return iv;
    }

    /** Encrypts under the current key; {@code aad} binds what the ciphertext is for. */
    public byte[] seal(byte[] iv, byte[] plaintext, byte[] aad) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, aad).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts under key {@code kid}; throws {@link GeneralSecurityException} when the ciphertext, IV or associated
     * data was altered and {@link IllegalArgumentException} when {@code kid} is not in the ring.
     */
    public byte[] open(String kid, byte[] iv, byte[] ciphertext, byte[] aad) throws GeneralSecurityException {
        SecretKey key = keys.get(kid);
        if (key == null) {
            throw new IllegalArgumentException("key " + kid + " is not in the ring");
        }
        return cipher(Cipher.DECRYPT_MODE, key, iv, aad).doFinal(ciphertext);
    }

    private Cipher cipher(int mode, SecretKey key, byte[] iv, byte[] aad) throws GeneralSecurityException {
        Provider on = provider();
        Cipher cipher = on == null ? Cipher.getInstance(GCM) : Cipher.getInstance(GCM, on);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad);
        return cipher;
    }
}
