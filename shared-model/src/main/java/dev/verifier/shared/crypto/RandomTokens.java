package dev.verifier.shared.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values (codes, refresh tokens, secrets, ids) from a {@link SecureRandom}, in base64url. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes in unpadded base64url; 32 bytes = 256 bits = 43 characters. */
    public static String base64Url(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
