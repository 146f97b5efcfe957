package dev.verifier.token.session;

import dev.verifier.shared.event.SessionEnded;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.Listeners;
import dev.verifier.token.backchannel.BackchannelDeliveries;
import dev.verifier.token.user.CurrentUserClaims;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@link SessionEnded} (one consumer group for all copies, offsets committed after the handling): revokes
 * and records the back-channel deliveries in one transaction ({@link SessionRevocation}); a database failure is
 * retried rather than the event lost; an incomplete event is logged and skipped. Redelivery changes nothing. The
 * user's claims this copy read recently for refreshes are forgotten ({@link CurrentUserClaims#forget}).
 */
@KafkaListener(groupId = "token-service-session-ended", offsetReset = OffsetReset.EARLIEST,
        pollTimeout = Listeners.POLL_TIMEOUT,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 10,
                retryDelay = "200ms"))
@Requires(property = SessionEndedListener.ENABLED, notEquals = "false")
class SessionEndedListener {

    static final String ENABLED = "verifier.token.session-listener";

    private static final Logger LOG = LoggerFactory.getLogger(SessionEndedListener.class);

    private final SessionRevocation revocation;
    private final BackchannelDeliveries deliveries;
    private final CurrentUserClaims userClaims;

    SessionEndedListener(SessionRevocation revocation, BackchannelDeliveries deliveries,
                         CurrentUserClaims userClaims) {
        this.revocation = revocation;
        this.deliveries = deliveries;
        this.userClaims = userClaims;
    }

    @Topic(Topics.SESSION_ENDED)
    void onSessionEnded(SessionEnded event) {
        if (event == null || !event.isComplete()) {
            LOG.warn("ignoring incomplete session-ended event");
            return;
        }
        userClaims.forget(event.subject());
        if (revocation.apply(event) > 0) {
            deliveries.sendSoon(); // after the commit: the sender sees the rows
        }
    }
}
