package dev.verifier.authorize.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.inject.Singleton;

/** Failed-login counting in the database, so every copy of the service applies the same limits. */
@Singleton
class LoginThrottle {

    private final LoginFailureRepository failures;
    private final LoginConfiguration config;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(LoginFailureRepository failures, LoginConfiguration config) {
        this.failures = failures;
        this.config = config;
    }

    boolean isBlocked(String username, String address) {
        Instant since = clock.instant().minus(config.throttleWindow());
        return failures.countByAccountAndFailedAtAfter(account(username), since) >= config.accountLimit()
                || failures.countByAddressAndFailedAtAfter(address, since) >= config.addressLimit();
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        failures.deleteByFailedAtBefore(now.minus(config.throttleWindow()));
        failures.save(new LoginFailureRecord(null, account(username), address, now));
    }

    long windowMinutes() {
        return Math.max(1, config.throttleWindow().toMinutes());
    }

    private static String account(String username) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return name.length() > 128 ? name.substring(0, 128) : name;
    }
}
