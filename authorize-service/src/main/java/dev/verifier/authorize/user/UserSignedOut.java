package dev.verifier.authorize.user;

import dev.verifier.shared.event.SessionEnded;

/**
 * Published (in-process, inside the change's transaction) when a user is disabled or their password changed, so
 * every session of theirs ends and token-service revokes all their refresh tokens ({@link SessionEnded}).
 */
public record UserSignedOut(String username, String subject, SessionEnded.Reason reason) {
}
