package dev.verifier.authorize.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.verifier.authorize.password.Hashers;
import dev.verifier.authorize.password.PasswordHasher;
import dev.verifier.authorize.support.AuthorizeTestContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The hash upgrade after a login replaces only the hash it verified: a password changed meanwhile wins. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordRehashTest implements AuthorizeTestContext {

    @Inject
    PasswordRehash rehash;
    @Inject
    UserService users;
    @Inject
    UserRepository repository;
    @Inject
    PasswordHasher hasher;

    @Test
    void upgradeReplacesTheVerifiedHash() {
        String legacy = store("upgraded", "the old passphrase");

        assertTrue(rehash.upgrade("upgraded", legacy, "the old passphrase"));

        String stored = repository.findById("upgraded").orElseThrow().passwordHash();
        assertTrue(stored.startsWith("$argon2id$v=19$" + hasher.cost() + "$"), stored);
        assertTrue(hasher.matches("the old passphrase", stored));
    }

    @Test
    void upgradeAfterAConcurrentPasswordChangeLeavesTheNewPassword() {
        String verified = store("changed", "the old passphrase");
        users.changePassword("changed", "the brand new passphrase");
        String changed = repository.findById("changed").orElseThrow().passwordHash();

        assertFalse(rehash.upgrade("changed", verified, "the old passphrase"), "the verified hash is gone");

        assertEquals(changed, repository.findById("changed").orElseThrow().passwordHash());
        assertTrue(users.authenticate("changed", "the brand new passphrase").isPresent());
        assertTrue(users.authenticate("changed", "the old passphrase").isEmpty());
    }

    private String store(String username, String password) {
        String legacy = Hashers.pbkdf2AsStoredBefore(password, 1000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        repository.save(new UserRecord(username, username + "-sub", legacy, "{}", now, now, now));
        return legacy;
    }
}
