package dev.verifier.authorize.password;

/**
 * Every password-hashing slot of this copy stayed taken for {@code verifier.passwords.hash-wait}: the check was not
 * run. The login page shows its throttled page; the users admin API answers {@code temporarily_unavailable}.
 */
public final class PasswordHashingBusy extends RuntimeException {

    PasswordHashingBusy(String message) {
        super(message, null, false, false);
    }
}
