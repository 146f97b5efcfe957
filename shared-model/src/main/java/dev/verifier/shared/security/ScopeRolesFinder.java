package dev.verifier.shared.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;

/** The roles of an access token are its scopes (the space-separated {@code scope} claim), for {@code @Secured}. */
@Singleton
@Replaces(DefaultRolesFinder.class)
@Requires(classes = RolesFinder.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class ScopeRolesFinder implements RolesFinder {

    @Override
    @NonNull
    public List<String> resolveRoles(@Nullable Map<String, Object> attributes) {
        return attributes == null ? List.of()
                : new ArrayList<>(AccessTokenScopes.parse(attributes.get(AccessTokenScopes.SCOPE_CLAIM)));
    }
}
