package dev.verifier.authorize.interaction;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A sealed interaction that was used (its login or consent form posted), kept until it would have expired anyway. */
@MappedEntity("interaction_finished")
public record FinishedInteractionRecord(@Id String idHash, Instant expiresAt) {
}
