package dev.verifier.authorize.password;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Hashers at a chosen cost for plain tests, and password hashes as the code before Argon2id stored them. */
public final class Hashers {

    private static final long GIB = 1024L * 1024 * 1024;

    private Hashers() {
    }

    public static PasswordHasher at(int memoryKib, int iterations, int parallelism) {
        PasswordHashingConfiguration config = config(memoryKib, iterations, parallelism, 4, Duration.ofSeconds(5));
        return new PasswordHasher(config.cost(), new PasswordCheckLimiter(config, new SimpleMeterRegistry(), GIB, 2),
                Argon2Engines.choose(config.nativeImplementation()));
    }

    static PasswordHashingConfiguration config(int memoryKib, int iterations, int parallelism, Integer cap,
                                               Duration wait) {
        return new PasswordHashingConfiguration(memoryKib, iterations, parallelism, cap, 25, wait, true);
    }

    /** {@code $pbkdf2-sha256$i=<n>$<salt>$<hash>}, base64url: exactly what PasswordHasher wrote before Argon2id. */
    public static String pbkdf2AsStoredBefore(String password, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return "$pbkdf2-sha256$i=" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
