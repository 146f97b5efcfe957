package dev.verifier.shared.jose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * OIDC Core §3.1.3.6 {@code at_hash} (and {@code c_hash}): the left-most half of the hash of the ASCII value, with the
 * hash of the JWS algorithm's size (SHA-256 for RS256/ES256/PS256, SHA-384 for *384, SHA-512 for *512), base64url.
 */
public final class TokenHashes {

    private TokenHashes() {
    }

    public static String halfHash(JWSAlgorithm alg, String value) {
        try {
            byte[] digest = MessageDigest.getInstance(digestFor(alg)).digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-2 is always present", e);
        }
    }

    static String digestFor(JWSAlgorithm alg) {
        String name = alg.getName();
        if (name.endsWith("384")) {
            return "SHA-384";
        }
        if (name.endsWith("512")) {
            return "SHA-512";
        }
        return "SHA-256";
    }
}
