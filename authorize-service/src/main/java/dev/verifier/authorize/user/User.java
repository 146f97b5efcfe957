package dev.verifier.authorize.user;

import java.time.Instant;

/**
 * An end user as the rest of the service sees it: the login name, the stable subject, the standard claims and when
 * they last changed (the {@code updated_at} claim).
 */
public record User(String username, String subject, UserClaims claims, Instant updatedAt) {
}
