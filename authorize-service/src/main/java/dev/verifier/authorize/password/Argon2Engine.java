package dev.verifier.authorize.password;

/**
 * One implementation of Argon2id version 0x13 (RFC 9106): {@link NativeArgon2} (the reference implementation) or
 * {@link JavaArgon2} (Bouncy Castle). Both give the same bytes for the same input; {@link Argon2Engines} picks one.
 */
interface Argon2Engine {

    /** The tag of {@code password} with the optional secret (K) and associated data (X) of RFC 9106 §3.1. */
    byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost, int length);

    /** For the start-up log: which implementation this is. */
    String description();

    default byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int length) {
        return derive(password, salt, null, null, cost, length);
    }
}
