package dev.verifier.shared.crypto;

/**
 * Client secrets are 256-bit server-generated random values, so a single SHA-256 is a sufficient one-way hash
 * (a slow KDF protects low-entropy passwords, not random keys). Verified in constant time.
 */
public final class ClientSecrets {

    /** 32 random bytes = 256 bits. */
    public static final int SECRET_BYTES = 32;

    private ClientSecrets() {
    }

    public static String generate() {
        return RandomTokens.base64Url(SECRET_BYTES);
    }

    public static String hash(String secret) {
        return "sha256:" + Hashes.sha256Base64Url(secret);
    }

    public static boolean matches(String presented, String storedHash) {
        return presented != null && storedHash != null && Hashes.constantTimeEquals(hash(presented), storedHash);
    }
}
