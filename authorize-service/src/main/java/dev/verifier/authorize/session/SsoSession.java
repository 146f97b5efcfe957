package dev.verifier.authorize.session;

import java.time.Instant;

/** An active SSO session: who logged in and when ({@code auth_time}). {@code id} is the hash, never the cookie. */
public record SsoSession(String id, String username, String subject, Instant authTime) {
}
