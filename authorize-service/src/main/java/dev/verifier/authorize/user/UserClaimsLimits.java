package dev.verifier.authorize.user;

import java.util.Map;

import dev.verifier.shared.error.OAuthError;

/**
 * The longest value the users admin API accepts for each standard claim (characters), so that a user's claims stay
 * small enough for every ID token and code-issued event that carries them (control characters, which JSON escapes
 * six times longer, are refused; the address's {@code formatted} may hold line breaks, OIDC Core §5.1.1). A value
 * breaking either rule is {@code invalid_request} naming the claim.
 */
final class UserClaimsLimits {

    private static final int TEXT = 255;
    private static final int URL = 2048;
    private static final Map<String, Integer> MAX = Map.ofEntries(
            Map.entry("profile", URL), Map.entry("picture", URL), Map.entry("website", URL),
            Map.entry("email", 254), Map.entry("gender", 64), Map.entry("birthdate", 10),
            Map.entry("zoneinfo", 64), Map.entry("locale", 35), Map.entry("phone_number", 64),
            Map.entry("formatted", 1024), Map.entry("street_address", 512), Map.entry("postal_code", 32));

    private UserClaimsLimits() {
    }

    static void check(UserClaims claims) {
        check("", claims.asMap());
    }

    @SuppressWarnings("unchecked")
    private static void check(String prefix, Map<String, Object> claims) {
        claims.forEach((name, value) -> {
            if (value instanceof Map<?, ?> members) {
                check(name + ".", (Map<String, Object>) members);
            } else if (value instanceof String text && text.length() > MAX.getOrDefault(name, TEXT)) {
                throw OAuthError.INVALID_REQUEST.exception(prefix + name + " is longer than "
                        + MAX.getOrDefault(name, TEXT) + " characters");
            } else if (value instanceof String text && text.chars().anyMatch(c -> Character.isISOControl(c)
                    && !(name.equals("formatted") && (c == '\n' || c == '\r')))) {
                throw OAuthError.INVALID_REQUEST.exception(prefix + name + " must not contain control characters");
            }
        });
    }
}
