package dev.verifier.authorize.session;

import java.time.Instant;

/**
 * An active SSO session: who logged in and when ({@code auth_time}). {@code id} is the hash of the cookie (the
 * database key, never shown to anyone); {@code sid} is the session's public id, carried in ID tokens and logout tokens.
 */
public record SsoSession(String id, String sid, String username, String subject, Instant authTime) {
}
