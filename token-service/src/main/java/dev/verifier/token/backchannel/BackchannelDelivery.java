package dev.verifier.token.backchannel;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One logout token to send: to a client, about one session of a subject ({@code status} {@link Status}). */
@MappedEntity("backchannel_delivery")
public record BackchannelDelivery(@Id @GeneratedValue @Nullable Long id, String eventId, String clientId,
                                  String subject, String sid, String status, int attempts, Instant nextAttemptAt,
                                  Instant createdAt, @Nullable String lastError) {

    /** pending (to send or retry), delivered, failed (attempts used up), skipped (client has no back channel). */
    public enum Status { PENDING, DELIVERED, FAILED, SKIPPED }
}
