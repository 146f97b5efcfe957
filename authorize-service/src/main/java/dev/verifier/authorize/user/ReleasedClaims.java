package dev.verifier.authorize.user;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * OIDC Core §5.4: the standard claims each scope releases ({@code profile} includes {@code updated_at}, the time in
 * epoch seconds the user's claims last changed; {@code address} the §5.1.1 structured claim; {@code phone} the number
 * and whether it is verified).
 */
public final class ReleasedClaims {

    private static final Map<String, Set<String>> BY_SCOPE = Map.of(
            "profile", Set.of("name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
                    "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"),
            "email", Set.of("email", "email_verified"),
            "address", Set.of("address"),
            "phone", Set.of("phone_number", "phone_number_verified"));

    public static final List<String> SUPPORTED = List.of("sub", "name", "given_name", "family_name", "middle_name",
            "nickname", "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
            "locale", "updated_at", "email", "email_verified", "address", "phone_number", "phone_number_verified");

    private ReleasedClaims() {
    }

    /** The user's claims released by {@code scopes}; {@code sub} is not among them (it travels separately). */
    public static Map<String, Object> of(User user, Collection<String> scopes) {
        Map<String, Object> all = new LinkedHashMap<>(user.claims().asMap());
        all.put("preferred_username", user.username());
        all.put("updated_at", user.updatedAt().getEpochSecond());
        Map<String, Object> released = new LinkedHashMap<>();
        for (String scope : scopes) {
            Set<String> names = BY_SCOPE.getOrDefault(scope, Set.of());
            all.forEach((name, value) -> {
                if (names.contains(name)) {
                    released.put(name, value);
                }
            });
        }
        return released;
    }
}
