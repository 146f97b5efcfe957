package dev.verifier.authorize.password;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A hash stored before Argon2id: PBKDF2-HMAC-SHA256 from the JDK, {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}
 * in base64url without padding. Only verified, never written any more: a match is rehashed to Argon2id.
 */
record Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {

    static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$pbkdf2-sha256\\$i=(\\d{1,8})\\$([A-Za-z0-9_-]{11,86})\\$([A-Za-z0-9_-]{22,86})");

    static Optional<Pbkdf2Hash> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(stored);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(m.group(1));
            byte[] hash = Base64.getUrlDecoder().decode(m.group(3));
            if (iterations < 1 || iterations > MAX_ITERATIONS || hash.length < 16) {
                return Optional.empty();
            }
            return Optional.of(new Pbkdf2Hash(iterations, Base64.getUrlDecoder().decode(m.group(2)), hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    byte[] derive(String password) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, hash.length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is always present in the JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
