package dev.verifier.authorize.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.inject.Singleton;

/**
 * Login throttling in the database, so every copy of the service applies the same limits, and counted BEFORE the
 * password is checked so that parallel guesses cannot all pass a check made before any of them was recorded.
 * <p>
 * Each attempt first commits a row (account, source address, time), then counts the rows of the window, its own
 * included. Because the row is committed before the count, the k-th committed attempt sees at least k rows: at most
 * {@code account-limit} attempts per account (and {@code address-limit} per address) get a verdict in a window, however
 * many arrive at once, on however many copies. A refused attempt removes its row (it is no failure); a successful
 * login removes its row (a correct password is no failure, as before); a failed one keeps it.
 */
@Singleton
class LoginThrottle {

    /** An attempt in progress: its counted row, and whether it may go on to the password check. */
    record Attempt(long id, boolean allowed) {
    }

    private final LoginFailureRepository failures;
    private final LoginConfiguration config;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, LoginConfiguration config, Clock clock) {
        this.failures = failures;
        this.config = config;
        this.clock = clock;
    }

    /** Counts the attempt (committed at once), then decides whether the password may be checked. */
    Attempt begin(String username, String address) {
        Instant now = clock.instant();
        Instant since = now.minus(config.throttleWindow());
        String account = account(username);
        LoginFailureRecord row = failures.save(new LoginFailureRecord(null, account, address, now));
        boolean allowed = failures.countByAccountAndFailedAtAfter(account, since) <= config.accountLimit()
                && failures.countByAddressAndFailedAtAfter(address, since) <= config.addressLimit();
        if (!allowed) {
            failures.deleteById(row.id());
        }
        return new Attempt(row.id(), allowed);
    }

    /** The password was right: the attempt is not a failure. */
    void succeeded(Attempt attempt) {
        failures.deleteById(attempt.id());
    }

    /**
     * Removes the rows older than the window: they no longer count (every count is bounded to the window), so this is
     * housekeeping, run by {@link LoginFailurePurge} rather than on each login.
     */
    void purgeExpired() {
        failures.deleteByFailedAtBefore(clock.instant().minus(config.throttleWindow()));
    }

    long windowMinutes() {
        return Math.max(1, config.throttleWindow().toMinutes());
    }

    private static String account(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return name.length() > 128 ? name.substring(0, 128) : name;
    }
}
