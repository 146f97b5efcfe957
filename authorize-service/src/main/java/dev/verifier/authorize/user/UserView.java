package dev.verifier.authorize.user;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** What the admin API answers about a user: never the password or its hash. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record UserView(String username, String sub, @JsonUnwrapped UserClaims claims, Instant createdAt,
                       Instant updatedAt) {
}
