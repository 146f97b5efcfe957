package dev.verifier.authorize.interaction;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Removes the marks of expired interactions now and then (idempotent: any copy may run it). */
@Singleton
class InteractionPurge {

    private final InteractionService interactions;

    InteractionPurge(InteractionService interactions) {
        this.interactions = interactions;
    }

    @Scheduled(fixedDelay = "${verifier.interaction.purge-interval:5m}", initialDelay = "1m")
    void purge() {
        interactions.purgeExpired();
    }
}
