package dev.verifier.registry.event;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An ApiChanged event waiting in the outbox for the broker's acknowledgement. */
@MappedEntity("api_change_outbox")
public record ApiOutboxEntry(@Id @GeneratedValue @Nullable Long id, String apiId, String changeType,
                             Instant changedAt) {
}
