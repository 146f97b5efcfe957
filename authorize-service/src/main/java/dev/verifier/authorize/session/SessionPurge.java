package dev.verifier.authorize.session;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Removes timed-out SSO sessions now and then (each copy may run it: the delete is idempotent). */
@Singleton
class SessionPurge {

    private final SessionService sessions;

    SessionPurge(SessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelay = "${verifier.session.purge-interval:10m}", initialDelay = "1m")
    void purge() {
        sessions.purgeExpired();
    }
}
