package dev.verifier.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 in base64url: how codes, refresh tokens and other bearer values are keyed in storage and events. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    public static String sha256Base64Url(String value) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sha256(value.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Constant-time comparison of two strings (lengths may leak, contents do not). */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
