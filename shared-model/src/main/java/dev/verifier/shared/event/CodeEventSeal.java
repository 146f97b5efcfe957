package dev.verifier.shared.event;

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
 * The wire format of {@link Topics#CODE_ISSUED} records (schema version 2): the whole {@link CodeIssued} JSON is
 * encrypted and authenticated with AES-256-GCM under the event key ring {@code VERIFIER_EVENT_KEYS}
 * ({@code kid:base64url-32-bytes[,kid:key…]}: the first key seals, every key opens, so a key rotates by adding the new
 * one in front everywhere, then removing the old one once no record under it can be in flight). The record value is
 * the ASCII text {@code v2.<kid>.<base64url iv>.<base64url ciphertext+tag>}; the associated data binds the format,
 * the key id and the record key (the code hash), so a record cannot be replayed under another code hash. Only
 * authorize-service (seals) and token-service (opens) hold the ring: a topic reader sees neither claims nor subjects,
 * and a topic writer without the key cannot forge a code.
 */
public final class CodeEventSeal {

    public static final String PREFIX = "v2.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private CodeEventSeal(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /** Why a record could not be opened: the reason counted and audited, never the record's content. */
    public static final class RefusedException extends Exception {
        private final String reason;

        public RefusedException(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * Parses {@code VERIFIER_EVENT_KEYS}; a missing or malformed ring stops the service at start-up with what to set.
     */
    public static CodeEventSeal fromKeyRing(String keyRing) {
        if (keyRing == null || keyRing.isBlank()) {
            throw new IllegalStateException("VERIFIER_EVENT_KEYS is not set: give authorize-service and token-service "
                    + "the same key ring kid:base64url-32-bytes, e.g. ev1:$(head -c 32 /dev/urandom | base64 | "
                    + "tr '+/' '-_' | tr -d '=\\n')");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyRing.split(",")) {
            int colon = entry.indexOf(':');
            String kid = colon <= 0 ? "" : entry.substring(0, colon).trim();
            if (kid.isEmpty() || kid.contains(".")) {
                throw new IllegalStateException("VERIFIER_EVENT_KEYS entries are kid:base64url-32-bytes (a kid without "
                        + "dots), separated by commas");
            }
            byte[] key;
            try {
                key = D64.decode(entry.substring(colon + 1).trim().replace('+', '-').replace('/', '_').replace("=", ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("VERIFIER_EVENT_KEYS key " + kid + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("VERIFIER_EVENT_KEYS key " + kid + " must be 32 bytes (AES-256)");
            }
            keys.put(kid, new SecretKeySpec(key, "AES"));
        }
        return new CodeEventSeal(keys.keySet().iterator().next(), Map.copyOf(keys));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The record value for {@code json} (the CodeIssued JSON) published under record key {@code codeHash}. */
    public byte[] seal(String codeHash, byte[] json) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), iv, currentKeyId, codeHash)
                    .doFinal(json);
            return (PREFIX + currentKeyId + "." + B64.encodeToString(iv) + "." + B64.encodeToString(sealed))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public static boolean isSealed(byte[] value) {
        return value != null && value.length > PREFIX.length()
                && new String(value, 0, PREFIX.length(), StandardCharsets.US_ASCII).equals(PREFIX);
    }

    /** The CodeIssued JSON of a sealed record; refused when malformed, under an unknown key, or altered. */
    public byte[] open(String codeHash, byte[] value) throws RefusedException {
        if (!isSealed(value)) {
            throw new RefusedException("not_sealed");
        }
        String[] parts = new String(value, StandardCharsets.US_ASCII).split("\\.");
        if (parts.length != 4) {
            throw new RefusedException("malformed");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new RefusedException("unknown_key");
        }
        try {
            byte[] iv = D64.decode(parts[2]);
            if (iv.length != IV_BYTES) {
                throw new RefusedException("malformed");
            }
            return cipher(Cipher.DECRYPT_MODE, key, iv, parts[1], codeHash).doFinal(D64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new RefusedException("malformed");
        } catch (GeneralSecurityException e) {
            throw new RefusedException("unauthenticated");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String kid, String codeHash)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD((Topics.CODE_ISSUED + "|" + PREFIX + kid + "|" + (codeHash == null ? "" : codeHash))
                .getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
