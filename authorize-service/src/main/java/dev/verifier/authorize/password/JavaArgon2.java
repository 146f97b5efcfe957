package dev.verifier.authorize.password;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id computed by Bouncy Castle (pure Java): this class only passes the parameters. */
final class JavaArgon2 implements Argon2Engine {

    static final JavaArgon2 INSTANCE = new JavaArgon2();

    private JavaArgon2() {
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int length) {
        return derive(password, salt, null, null, cost, length);
    }

    /** With the optional secret (K) and associated data (X) of RFC 9106 §3.1; Verifier's hashes use neither. */
    byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost, int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associatedData != null) {
            builder.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String description() {
        return "Bouncy Castle (Java)";
    }
}
