package dev.verifier.authorize.password;

import java.util.Arrays;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/**
 * Argon2id computed by the reference implementation (phc-winner-argon2's libargon2, native code bundled for common
 * platforms in de.mkammerer:argon2-jvm, called through JNA): this class only passes the parameters. About a third of
 * Bouncy Castle's CPU per hash, and as fast on the first hash as on the thousandth (no JIT warm-up). The library
 * is given copies, so nothing it does to its input reaches the caller.
 */
final class NativeArgon2 implements Argon2Engine {

    private final Argon2Advanced argon2;

    private NativeArgon2(Argon2Advanced argon2) {
        this.argon2 = argon2;
    }

    /** Loads the native library; throws {@link LinkageError} (or a runtime exception) where it cannot be loaded. */
    static NativeArgon2 load() {
        return new NativeArgon2(Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id));
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost,
                         int length) {
        return argon2.rawHashAdvanced(cost.iterations(), cost.memoryKib(), cost.parallelism(), copy(password),
                copy(salt), copy(secret), copy(associatedData), length, Argon2Version.V13);
    }

    @Override
    public String description() {
        return "the reference implementation (libargon2, native)";
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : Arrays.copyOf(bytes, bytes.length);
    }
}
