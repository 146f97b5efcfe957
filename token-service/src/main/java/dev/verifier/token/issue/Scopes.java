package dev.verifier.token.issue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;

/** A space-separated scope value as an ordered set (RFC 6749 §3.3). */
public record Scopes(Set<String> values) {

    public static final String OPENID = "openid";
    public static final String OFFLINE_ACCESS = "offline_access";
    /** The OpenID Connect scopes, which only mean something for a token issued to a user. */
    public static final Scopes USER_SCOPES = new Scopes(new LinkedHashSet<>(
            List.of(OPENID, "profile", "email", "address", "phone", OFFLINE_ACCESS)));

    public Scopes {
        values = Set.copyOf(new LinkedHashSet<>(values));
    }

    public static Scopes parse(@Nullable String scope) {
        if (scope == null || scope.isBlank()) {
            return new Scopes(Set.of());
        }
        return new Scopes(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
    }

    public boolean contains(String scope) {
        return values.contains(scope);
    }

    public boolean isSubsetOf(Scopes other) {
        return other.values.containsAll(values);
    }

    /** These scopes without the OpenID Connect user scopes. */
    public Scopes withoutUserScopes() {
        LinkedHashSet<String> kept = new LinkedHashSet<>(values);
        kept.removeAll(USER_SCOPES.values);
        return new Scopes(kept);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(" ", values.stream().sorted().toList());
    }
}
