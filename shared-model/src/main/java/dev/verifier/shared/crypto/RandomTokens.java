package dev.verifier.shared.crypto;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

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

    /**
     * A UUID of version 7 (RFC 9562 §5.7): {@code at} in Unix milliseconds, then 74 random bits. For ids that are
     * keys of tables written as fast as they are issued (access-token {@code jti}s, grant families): a new row lands
     * next to the last one in the key's B-tree, not on a random page of it. Unique, not secret (the time is in the
     * token anyway).
     */
    public static String timeOrderedUuid(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = at.toEpochMilli();
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000000000000000L | ((random[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return new UUID(high, low).toString();
    }
}
