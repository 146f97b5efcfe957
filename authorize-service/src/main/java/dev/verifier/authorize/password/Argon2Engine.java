package dev.verifier.authorize.password;

/**
 * One implementation of Argon2id version 0x13 (RFC 9106): {@link NativeArgon2} (the reference implementation) or
 * {@link JavaArgon2} (Bouncy Castle). Both give the same bytes for the same input; {@link Argon2Engines} picks one.
 */
interface Argon2Engine {

    /** The {@code length}-byte tag of {@code password} with {@code salt} at {@code cost}. */
    byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int length);

    /** For the start-up log: which implementation this is. */
    String description();
}
