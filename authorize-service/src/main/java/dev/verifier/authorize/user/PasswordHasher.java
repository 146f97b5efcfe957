package dev.verifier.authorize.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.inject.Singleton;

/**
 * PBKDF2-HMAC-SHA256 from the JDK at the OWASP Password Storage Cheat Sheet's cost (600,000 iterations, configurable),
 * 16-byte random salt, 32-byte output, stored as {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>} (base64url).
 * The iteration count travels with each hash, so raising the cost later keeps old hashes verifiable.
 * A dummy hash at the configured cost is checked for unknown users, so timing does not reveal whether they exist.
 */
@Singleton
public class PasswordHasher {

    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final String dummyHash;

    public PasswordHasher(UserConfiguration config) {
        this.iterations = config.passwordIterations();
        this.dummyHash = hash("dummy password that nobody has");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return PREFIX + iterations + "$" + encode(salt) + "$" + encode(derive(password, salt, iterations));
    }

    public boolean matches(String password, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        byte[] expected = Base64.getUrlDecoder().decode(parts[2]);
        byte[] actual = derive(password, Base64.getUrlDecoder().decode(parts[1]), Integer.parseInt(parts[0]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same time as a real check and always answers false: the path for unknown usernames. */
    public boolean matchesNobody(String password) {
        matches(password, dummyHash);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is always present in the JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
