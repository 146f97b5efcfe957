package dev.verifier.authorize.password;

import java.util.Arrays;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the Argon2id implementation once: the native reference implementation when {@code verifier.passwords.native-implementation}
 * allows it (the default), its library loads on this platform and it reproduces RFC 9106 §5.3's Argon2id tag;
 * otherwise Bouncy Castle's, with the reason logged. Either verifies every hash the other wrote.
 */
final class Argon2Engines {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2Engines.class);

    /** RFC 9106 §5.3: m=32 KiB, t=3, p=4, password 32 × 0x01, salt 16 × 0x02, secret 8 × 0x03, data 12 × 0x04. */
    static final byte[] RFC9106_ARGON2ID_TAG = HexFormat.of().parseHex(
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");

    private Argon2Engines() {
    }

    static Argon2Engine choose(boolean allowNative) {
        if (!allowNative) {
            LOG.info("Argon2id: {} ({}.native-implementation is false)", JavaArgon2.INSTANCE.description(),
                    PasswordHashingConfiguration.PREFIX);
            return JavaArgon2.INSTANCE;
        }
        try {
            NativeArgon2 candidate = NativeArgon2.load();
            if (reproducesRfc9106(candidate)) {
                LOG.info("Argon2id: {}", candidate.description());
                return candidate;
            }
            LOG.warn("Argon2id: the native library computed a wrong RFC 9106 test vector; using {}",
                    JavaArgon2.INSTANCE.description());
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Argon2id: the native library cannot be used on this platform ({}); using {}", e.toString(),
                    JavaArgon2.INSTANCE.description());
        }
        return JavaArgon2.INSTANCE;
    }

    static boolean reproducesRfc9106(Argon2Engine engine) {
        byte[] tag = engine.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
                new Argon2Cost(32, 3, 4), 32);
        return Arrays.equals(RFC9106_ARGON2ID_TAG, tag);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
