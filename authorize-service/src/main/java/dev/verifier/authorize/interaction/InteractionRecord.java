package dev.verifier.authorize.interaction;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A pending authorization request shown as a login or consent page, keyed by the hash of its id. */
@MappedEntity("interaction")
public record InteractionRecord(
        @Id String idHash,
        String csrfHash,
        String parameters,
        @Nullable String sessionHash,
        Instant expiresAt) {
}
