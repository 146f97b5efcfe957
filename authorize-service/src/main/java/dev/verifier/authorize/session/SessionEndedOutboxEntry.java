package dev.verifier.authorize.session;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A SessionEnded event waiting in the outbox for the broker's acknowledgement. */
@MappedEntity("session_ended_outbox")
public record SessionEndedOutboxEntry(@Id @GeneratedValue @Nullable Long id, String eventId, String subject,
                                      @Nullable String sid, String reason, boolean revokeOffline, Instant endedAt) {
}
