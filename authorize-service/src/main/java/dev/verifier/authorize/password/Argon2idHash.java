package dev.verifier.authorize.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in
 * standard base64 without padding (as the reference implementation writes them), so the parameters travel with
 * each hash. Parsing is strict: anything else (another version, parameter order or alphabet, padding, out-of-range
 * values) is not an Argon2id hash.
 */
record Argon2idHash(Argon2Cost cost, byte[] salt, byte[] hash) {

    static final String PREFIX = "$argon2id$";
    static final int MIN_SALT_BYTES = 8;
    static final int MIN_HASH_BYTES = 16;
    private static final int MAX_BYTES = 64;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,86})\\$([A-Za-z0-9+/]{22,86})");

    static boolean looksLikeOne(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    static Optional<Argon2idHash> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Cost cost = new Argon2Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] hash = Base64.getDecoder().decode(m.group(5));
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_BYTES || hash.length < MIN_HASH_BYTES
                    || hash.length > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Argon2idHash(cost, salt, hash));
        } catch (IllegalArgumentException e) { // out-of-range parameter or impossible base64 length
            return Optional.empty();
        }
    }

    String format() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "v=19$" + cost + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
