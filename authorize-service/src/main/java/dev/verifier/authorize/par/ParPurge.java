package dev.verifier.authorize.par;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Removes expired pushed requests now and then (idempotent deletes: any copy may run it). */
@Singleton
class ParPurge {

    private final PushedRequests requests;
    ParPurge(PushedRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelay = "${verifier.par.purge-interval:5m}", initialDelay = "1m")
    void purge() {
        requests.purgeExpired();
    }
}
