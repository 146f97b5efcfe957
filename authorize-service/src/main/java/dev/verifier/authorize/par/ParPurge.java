package dev.verifier.authorize.par;

import dev.verifier.authorize.clientauth.DatabaseJtiStore;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Removes expired pushed requests and client-assertion jtis now and then (idempotent deletes: any copy may run it). */
@Singleton
class ParPurge {

    private final PushedRequests requests;
    private final DatabaseJtiStore jtis;

    ParPurge(PushedRequests requests, DatabaseJtiStore jtis) {
        this.requests = requests;
        this.jtis = jtis;
    }

    @Scheduled(fixedDelay = "${verifier.par.purge-interval:5m}", initialDelay = "1m")
    void purge() {
        requests.purgeExpired();
        jtis.purgeExpired();
    }
}
