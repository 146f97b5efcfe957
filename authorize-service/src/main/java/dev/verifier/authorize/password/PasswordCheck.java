package dev.verifier.authorize.password;

/** The outcome of checking a password against a stored hash. */
public enum PasswordCheck {
    /** Wrong password, or a stored value that is no hash Verifier knows. */
    NO_MATCH,
    /** Right password, stored as Argon2id at (or above) the configured cost. */
    MATCH,
    /** Right password, but stored as PBKDF2 or below the configured Argon2id cost: store a new hash. */
    MATCH_NEEDS_REHASH;

    public boolean matched() {
        return this != NO_MATCH;
    }
}
