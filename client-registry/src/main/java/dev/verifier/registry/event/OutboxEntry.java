package dev.verifier.registry.event;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A ClientChanged event waiting in the outbox for the broker's acknowledgement. */
@MappedEntity("client_change_outbox")
public record OutboxEntry(@Id @GeneratedValue @Nullable Long id, String clientId, String changeType,
                          Instant changedAt) {
}
