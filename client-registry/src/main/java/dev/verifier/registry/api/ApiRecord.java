package dev.verifier.registry.api;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A registered API as stored; {@code scopes} is the JSON list of its scopes ({@code value}, {@code description}). */
@MappedEntity("api")
public record ApiRecord(
        @Id String id,
        String identifier,
        String name,
        String scopes,
        @Nullable Integer accessTokenLifetime,
        boolean allowClientCredentials,
        boolean allowUserTokens,
        Instant createdAt,
        Instant updatedAt) {

    ApiRecord createdAt(Instant created) {
        return new ApiRecord(id, identifier, name, scopes, accessTokenLifetime, allowClientCredentials,
                allowUserTokens, created, updatedAt);
    }
}
