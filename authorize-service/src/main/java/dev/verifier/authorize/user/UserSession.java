package dev.verifier.authorize.user;

import java.time.Instant;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** One entry of {@code GET /admin/users/{username}/sessions}: the session's public id and times. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UserSession(String sid, Instant authTime, Instant lastSeenAt, Instant expiresAt) {

    /** The answer: {@code {"sessions": [...]}}. */
    @Serdeable
    public record Listing(@com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) java.util.List<UserSession> sessions) {
    }
}
