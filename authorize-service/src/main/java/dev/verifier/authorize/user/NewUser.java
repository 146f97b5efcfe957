package dev.verifier.authorize.user;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /admin/users}: username, password and the standard claims at the top level. */
@Serdeable
public record NewUser(@Nullable String username, @Nullable String password, @JsonUnwrapped @Nullable UserClaims claims) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", password=<redacted>]";
    }
}
