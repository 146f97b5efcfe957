package dev.verifier.registry.api;

import static dev.verifier.shared.error.OAuthError.INVALID_REQUEST;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.api.RegisteredApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

/**
 * A {@code POST /apis} or {@code PUT /apis/{id}} body as given, each field of its JSON type or refused with
 * {@code invalid_request} naming the field (no coercion: {@code "600"} is not a lifetime). Unknown fields, at the top
 * and in the scope objects, are ignored and never stored, as for client registration. {@code id} is optional in a
 * {@code PUT} body and must then match the URL.
 */
public record ApiRequest(
        @Nullable String id,
        @Nullable String identifier,
        @Nullable String name,
        @Nullable List<RegisteredApi.Scope> scopes,
        @Nullable Long accessTokenLifetime,
        @Nullable Boolean allowClientCredentials,
        @Nullable Boolean allowUserTokens) {

    public static ApiRequest parse(String body, JsonMapper json) {
        Map<?, ?> fields;
        try {
            fields = body == null || body.isBlank() ? null : json.readValue(body, Map.class);
        } catch (IOException | RuntimeException e) {
            fields = null;
        }
        if (fields == null) {
            throw INVALID_REQUEST.exception("the body must be a JSON object describing the API");
        }
        return new ApiRequest(string(fields, "id"), string(fields, "identifier"), string(fields, "name"),
                scopes(fields.get("scopes")), wholeNumber(fields, "access_token_lifetime"),
                bool(fields, "allow_client_credentials"), bool(fields, "allow_user_tokens"));
    }

    private static List<RegisteredApi.Scope> scopes(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw INVALID_REQUEST.exception("scopes must be a list of {\"value\", \"description\"} objects");
        }
        List<RegisteredApi.Scope> scopes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> scope)) {
                throw INVALID_REQUEST.exception("scopes[" + i + "] must be an object {\"value\", \"description\"}");
            }
            scopes.add(new RegisteredApi.Scope(string(scope, "value", "scopes[" + i + "].value"),
                    string(scope, "description", "scopes[" + i + "].description")));
        }
        return scopes;
    }

    @Nullable
    private static String string(Map<?, ?> fields, String name) {
        return string(fields, name, name);
    }

    @Nullable
    private static String string(Map<?, ?> fields, String name, String path) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw INVALID_REQUEST.exception(path + " must be a string");
        }
        return (String) value;
    }

    @Nullable
    private static Boolean bool(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof Boolean)) {
            throw INVALID_REQUEST.exception(name + " must be true or false");
        }
        return (Boolean) value;
    }

    @Nullable
    private static Long wholeNumber(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE; // out of any range, refused as such
        }
        throw INVALID_REQUEST.exception(name + " must be a whole number of seconds");
    }
}
