package dev.verifier.shared.event;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Published by client-registry on the compacted {@link Topics#CLIENT_CHANGED} topic (key: {@code clientId}) after
 * every committed change to a client; the other services evict their cached copy.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ClientChanged(int schemaVersion, String clientId, Change change, Instant changedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Change { CREATED, UPDATED, SECRET_ROTATED, DELETED }

    public static ClientChanged of(String clientId, Change change) {
        return new ClientChanged(SCHEMA_VERSION, clientId, change, Instant.now());
    }
}
