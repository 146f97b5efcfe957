package dev.verifier.authorize.login;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Removes login-attempt rows older than the throttle window now and then (idempotent: any copy may run it). */
@Singleton
class LoginFailurePurge {

    private final LoginThrottle throttle;

    LoginFailurePurge(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelay = "${verifier.login.purge-interval:5m}", initialDelay = "1m")
    void purge() {
        throttle.purgeExpired();
    }
}
