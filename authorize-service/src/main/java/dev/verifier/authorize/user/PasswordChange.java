package dev.verifier.authorize.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /admin/users/{username}/password}. */
@Serdeable
public record PasswordChange(@Nullable String password) {

    @Override
    public String toString() {
        return "PasswordChange[password=<redacted>]";
    }
}
