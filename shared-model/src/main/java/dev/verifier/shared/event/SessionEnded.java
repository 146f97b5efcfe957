package dev.verifier.shared.event;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Published by authorize-service on {@link Topics#SESSION_ENDED} (key: {@code subject}, so one user's events stay in
 * order) when SSO sessions end; consumed by token-service, which revokes the refresh tokens issued in them and sends
 * back-channel logout tokens to the clients that received tokens in them.
 *
 * @param eventId       unique per event: consumers are idempotent by it
 * @param sessionId     the session's {@code sid}; null when every session of the subject ended
 * @param reason        why: {@link Reason}
 * @param revokeOffline whether refresh tokens with {@code offline_access} are revoked too (user deleted, disabled or
 *                      password changed); otherwise only those without it
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SessionEnded(
        int schemaVersion,
        String eventId,
        String subject,
        @Nullable String sessionId,
        String reason,
        boolean revokeOffline,
        Instant endedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Why sessions ended; the ones from user changes revoke offline tokens too. */
    public enum Reason {
        LOGOUT(false), ADMIN(false), USER_DISABLED(true), USER_DELETED(true), PASSWORD_CHANGED(true);

        private final boolean revokeOffline;

        Reason(boolean revokeOffline) {
            this.revokeOffline = revokeOffline;
        }

        public boolean revokeOffline() {
            return revokeOffline;
        }
    }

    public boolean allSessions() {
        return sessionId == null;
    }

    public boolean isComplete() {
        return schemaVersion == SCHEMA_VERSION && eventId != null && subject != null && reason != null
                && endedAt != null;
    }
}
