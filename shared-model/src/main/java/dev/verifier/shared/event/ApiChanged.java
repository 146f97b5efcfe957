package dev.verifier.shared.event;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Published by client-registry on the compacted {@link Topics#API_CHANGED} topic (key: {@code apiId}) after every
 * committed change to a registered API; the other services drop what they cached of APIs
 * ({@code dev.verifier.shared.registry.ApiCache}).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ApiChanged(int schemaVersion, String apiId, Change change, Instant changedAt) {

    public static final int SCHEMA_VERSION = 1;

    public enum Change { CREATED, UPDATED, DELETED }
}
