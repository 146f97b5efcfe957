package dev.verifier.authorize.user;

import dev.verifier.authorize.password.PasswordHasher;
import dev.verifier.authorize.password.PasswordHashingBusy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a successful login whose stored hash is PBKDF2 or below the configured Argon2id cost: stores a new Argon2id
 * hash of the password just verified, but only if the stored hash is still the one verified (a password changed in
 * the meantime wins). Best effort: when no hashing slot is free, the upgrade waits for the next login.
 */
@Singleton
class PasswordRehash {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordRehash.class);

    private final UserRepository repository;
    private final PasswordHasher hasher;

    PasswordRehash(UserRepository repository, PasswordHasher hasher) {
        this.repository = repository;
        this.hasher = hasher;
    }

    /** True when the new hash was stored. */
    boolean upgrade(String username, String verifiedHash, String password) {
        String replacement;
        try {
            replacement = hasher.hash(password);
        } catch (PasswordHashingBusy e) {
            LOG.info("Password hash upgrade postponed to a later login: {}", e.getMessage());
            return false;
        }
        boolean stored = repository.replacePasswordHash(username, verifiedHash, replacement) == 1;
        if (!stored) {
            LOG.info("Password hash upgrade skipped: the password was changed meanwhile");
        }
        return stored;
    }
}
