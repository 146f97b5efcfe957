package dev.verifier.authorize.request;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.core.annotation.Nullable;

/**
 * The {@code claims} request parameter (OIDC Core §5.5): a JSON object whose members {@code id_token} and
 * {@code userinfo} name the claims asked for there, each {@code null} or an object with {@code essential} (boolean),
 * {@code value} or {@code values} (an array). Other members are ignored as §5.5 says; anything else malformed is
 * {@code invalid_request}. Which requested claims are released is decided by the granted scopes (docs/architecture.md,
 * "The claims parameter"); this record only says what was asked.
 */
public record ClaimsRequest(Map<String, Claim> idToken, Map<String, Claim> userinfo) {

    public static final ClaimsRequest NONE = new ClaimsRequest(Map.of(), Map.of());

    /** One requested claim: {@code values} holds {@code value} too when that was given. */
    public record Claim(boolean essential, List<Object> values) {

        static final Claim VOLUNTARY = new Claim(false, List.of());
    }

    public static ClaimsRequest parse(@Nullable String json) {
        if (json == null) {
            return NONE;
        }
        Map<String, Object> object;
        try {
            object = JSONObjectUtils.parse(json);
        } catch (ParseException | RuntimeException e) {
            throw invalid("claims must be a JSON object (OIDC Core 5.5)");
        }
        return new ClaimsRequest(member(object, "id_token"), member(object, "userinfo"));
    }

    /** The request for {@code name} in the ID token, when there is one. */
    public @Nullable Claim idTokenClaim(String name) {
        return idToken.get(name);
    }

    private static Map<String, Claim> member(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> claims)) {
            throw invalid("claims." + name + " must be a JSON object");
        }
        Map<String, Claim> result = new LinkedHashMap<>();
        claims.forEach((claim, request) -> result.put(claim.toString(), claim(name + "." + claim, request)));
        return Map.copyOf(result);
    }

    private static Claim claim(String path, Object request) {
        if (request == null) {
            return Claim.VOLUNTARY;
        }
        if (!(request instanceof Map<?, ?> fields)) {
            throw invalid("claims." + path + " must be null or a JSON object");
        }
        Object essential = fields.get("essential");
        if (essential != null && !(essential instanceof Boolean)) {
            throw invalid("claims." + path + ".essential must be a boolean");
        }
        Object values = fields.get("values");
        if (values != null && !(values instanceof List<?>)) {
            throw invalid("claims." + path + ".values must be a JSON array");
        }
        List<Object> all = new java.util.ArrayList<>();
        if (fields.get("value") != null) {
            all.add(fields.get("value"));
        }
        if (values != null) {
            all.addAll((List<?>) values);
        }
        return new Claim(Boolean.TRUE.equals(essential), List.copyOf(all));
    }

    private static OAuthException invalid(String description) {
        return OAuthError.INVALID_REQUEST.exception(description);
    }
}
