package dev.verifier.authorize.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the Argon2id implementation once: the native reference implementation when
 * {@code verifier.passwords.native-implementation} allows it (the default), the system's library loads and it
 * reproduces a known answer of the reference implementation's own tests; otherwise Bouncy Castle's, with the reason
 * logged. Either verifies every hash the other wrote.
 */
final class Argon2Engines {

    private static final Logger LOG = LoggerFactory.getLogger(Argon2Engines.class);

    /** phc-winner-argon2 {@code src/test.c}: password "password", salt "somesalt", m=256 KiB, t=2, p=1. */
    static final String KNOWN_ANSWER =
            "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";

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
            if (reproducesKnownAnswer(candidate)) {
                LOG.info("Argon2id: {}", candidate.description());
                return candidate;
            }
            LOG.warn("Argon2id: the native library computed a wrong known answer; using {}",
                    JavaArgon2.INSTANCE.description());
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Argon2id: the native library cannot be used ({}; on Debian or Ubuntu install libargon2-1); "
                    + "using {}", e.toString(), JavaArgon2.INSTANCE.description());
        }
        return JavaArgon2.INSTANCE;
    }

    static boolean reproducesKnownAnswer(Argon2Engine engine) {
        Argon2idHash known = Argon2idHash.parse(KNOWN_ANSWER).orElseThrow();
        byte[] tag = engine.derive("password".getBytes(StandardCharsets.UTF_8), known.salt(), known.cost(),
                known.hash().length);
        return MessageDigest.isEqual(known.hash(), tag);
    }
}
