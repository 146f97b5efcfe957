package dev.verifier.authorize.device;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import dev.verifier.shared.crypto.Hashes;

/**
 * The user code of RFC 8628 §6.1: 8 characters of the 20 consonants {@value #ALPHABET} (no vowels, so no words;
 * 20^8 ≈ 2^34.6), shown as {@code XXXX-XXXX}. Entry is case-insensitive and ignores dashes and white space; anything
 * else is not a user code. Only {@link #hash} of the normalised code is stored.
 */
public final class UserCodes {

    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserCodes() {
    }

    /** A new code in its normalised form (8 characters of the alphabet, no dash). */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** {@code BCDFGHJK} as the user sees it: {@code BCDF-GHJK}. */
    public static String display(String normalised) {
        return normalised.substring(0, LENGTH / 2) + "-" + normalised.substring(LENGTH / 2);
    }

    /** What the user typed as a normalised code, or empty when it cannot be one (wrong length or characters). */
    public static Optional<String> normalise(String entered) {
        if (entered == null || entered.length() > 64) {
            return Optional.empty();
        }
        String code = entered.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    public static String hash(String normalised) {
        return Hashes.sha256Base64Url("user_code:" + normalised);
    }
}
