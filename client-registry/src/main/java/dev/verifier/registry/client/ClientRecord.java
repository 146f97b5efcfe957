package dev.verifier.registry.client;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A registered client as stored: metadata JSON plus the secret's hash or ciphertext, never the secret. */
@MappedEntity("client")
public record ClientRecord(
        @Id String clientId,
        String metadata,
        String authMethod,
        @Nullable String secretHash,
        @Nullable String secretCiphertext,
        @Nullable String secretKeyId,
        boolean firstParty,
        Instant createdAt,
        Instant updatedAt) {
}
