package dev.verifier.shared.runtime.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.verifier.shared.security.AccessTokenScopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;

/**
 * The roles of an access token are the scopes it may use here ({@link AdminScopes#honoured}), for {@code @Secured}:
 * its {@code scope} claim, the internal admin scopes only when the token carries this service's admin audience and
 * was issued to a client for itself ({@code sub} = {@code client_id}), as at token-service's internal APIs.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
@Requires(classes = RolesFinder.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class ScopeRolesFinder implements RolesFinder {

    private final Set<String> adminAudiences;

    public ScopeRolesFinder(ResourceServerConfiguration config) {
        this.adminAudiences = config.acceptLegacyAdminAudience()
                ? Set.of(config.adminAudience(), config.audience()) : Set.of(config.adminAudience());
    }

    @Override
    @NonNull
    public List<String> resolveRoles(@Nullable Map<String, Object> attributes) {
        if (attributes == null) {
            return List.of();
        }
        return AdminScopes.honoured(AccessTokenScopes.parse(attributes.get(AccessTokenScopes.SCOPE_CLAIM)),
                audiences(attributes.get("aud")), string(attributes.get("sub")), attributes.get("client_id"),
                adminAudiences);
    }

    private static List<String> audiences(@Nullable Object aud) {
        if (aud instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return aud == null ? List.of() : List.of(aud.toString());
    }

    @Nullable
    private static String string(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
