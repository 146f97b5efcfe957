package dev.verifier.shared.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.security.ScopeRolesFinder;
import dev.verifier.shared.scope.Scopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/**
 * Scope checks on a validated access token. The {@code scope} claim (space separated, RFC 9068 §2.2.3) becomes the
 * authentication's roles ({@link ScopeRolesFinder}), so {@code @Secured("registry.admin")} requires a scope on a route
 * (any of several: {@code @Secured({"a", "b"})}); inside a route, {@link #require} checks one and throws
 * {@link OAuthError#INSUFFICIENT_SCOPE} (403 with {@code WWW-Authenticate: Bearer error="insufficient_scope"}).
 */
public final class AccessTokenScopes {

    public static final String SCOPE_CLAIM = "scope";

    private AccessTokenScopes() {
    }

    /** The scopes of a {@code scope} claim value ({@link Scopes#parse}, or a JSON list), in order, without duplicates. */
    public static Set<String> parse(@Nullable Object scopeClaim) {
        if (scopeClaim instanceof Collection<?> list) {
            Set<String> scopes = new LinkedHashSet<>();
            list.forEach(s -> scopes.add(String.valueOf(s)));
            return scopes;
        }
        return Scopes.parse(scopeClaim == null ? null : scopeClaim.toString()).values();
    }

    /** The scopes granted to the caller (empty when anonymous). */
    public static Set<String> of(@Nullable Authentication authentication) {
        return authentication == null ? Set.of() : parse(authentication.getAttributes().get(SCOPE_CLAIM));
    }

    /**
     * Whether the caller holds {@code scope} as a role: an internal admin scope only counts with this service's admin
     * audience and a service caller ({@link ScopeRolesFinder}).
     */
    public static boolean has(@Nullable Authentication authentication, String scope) {
        return authentication != null && authentication.getRoles().contains(scope);
    }

    /** Throws {@code insufficient_scope} unless the caller holds at least one of {@code anyOf}. */
    public static void require(@Nullable Authentication authentication, String... anyOf) {
        Set<String> granted = authentication == null ? Set.of() : Set.copyOf(authentication.getRoles());
        if (Arrays.stream(anyOf).noneMatch(granted::contains)) {
            throw OAuthError.INSUFFICIENT_SCOPE.exception("the access token lacks scope " + String.join(" or ", anyOf));
        }
    }
}
