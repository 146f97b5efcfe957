package dev.verifier.shared.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;

/**
 * The roles of an access token are its scopes (the space-separated {@code scope} claim), for {@code @Secured} —
 * except the internal admin scopes ({@link AdminScopes}), which count only when the token carries this service's
 * admin audience and was issued to a client for itself ({@code sub} = {@code client_id}). So a user token never
 * reaches an admin API, whatever scope it holds, and neither does a service token for another audience.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
@Requires(classes = RolesFinder.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class ScopeRolesFinder implements RolesFinder {

    private final String adminAudience;
    private final String legacyAudience;

    public ScopeRolesFinder(ResourceServerConfiguration config) {
        this.adminAudience = config.adminAudience();
        this.legacyAudience = config.acceptLegacyAdminAudience() ? config.audience() : null;
    }

    @Override
    @NonNull
    public List<String> resolveRoles(@Nullable Map<String, Object> attributes) {
        if (attributes == null) {
            return List.of();
        }
        boolean admin = (hasAudience(attributes.get("aud"), adminAudience)
                || (legacyAudience != null && hasAudience(attributes.get("aud"), legacyAudience)))
                && AdminScopes.isServiceCaller(string(attributes.get("sub")), attributes.get("client_id"));
        List<String> roles = new ArrayList<>(AccessTokenScopes.parse(attributes.get(AccessTokenScopes.SCOPE_CLAIM)));
        if (!admin) {
            roles.removeIf(AdminScopes::isInternal);
        }
        return roles;
    }

    private static boolean hasAudience(@Nullable Object aud, String wanted) {
        if (aud instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> wanted.equals(String.valueOf(v)));
        }
        return aud != null && wanted.equals(aud.toString());
    }

    @Nullable
    private static String string(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
