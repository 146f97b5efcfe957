package dev.verifier.resource.api;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Sample data of the protected API: a note owned by the subject of an access token. */
@MappedEntity("note")
public record Note(
        @Id @GeneratedValue @Nullable Long id,
        String owner,
        String body,
        Instant createdAt) {
}
