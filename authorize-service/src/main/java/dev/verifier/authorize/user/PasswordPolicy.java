package dev.verifier.authorize.user;

import dev.verifier.shared.error.OAuthError;
import jakarta.inject.Singleton;

/** Length at least the configured minimum (8), at most 1024 characters, and not the username. */
@Singleton
public class PasswordPolicy {

    private static final int MAX_LENGTH = 1024;

    private final int minLength;

    public PasswordPolicy(UserConfiguration config) {
        this.minLength = config.passwordMinLength();
    }

    public void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            throw OAuthError.INVALID_REQUEST.exception("password must have at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw OAuthError.INVALID_REQUEST.exception("password is too long");
        }
        if (password.equalsIgnoreCase(username)) {
            throw OAuthError.INVALID_REQUEST.exception("password must not be the username");
        }
    }
}
