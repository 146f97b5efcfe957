package dev.verifier.registry.client;

import static dev.verifier.shared.error.OAuthError.INVALID_CLIENT_METADATA;

import java.util.LinkedHashSet;
import java.util.List;

import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.GrantType;
import jakarta.inject.Singleton;

/**
 * {@code grant_types} and {@code response_types} per RFC 7591 §2.1 and OAuth 2.1: known values only, no duplicates,
 * {@code authorization_code} if and only if {@code response_types} holds {@code code} (the only response type),
 * {@code refresh_token} only alongside {@code authorization_code} or the device grant
 * ({@code urn:ietf:params:oauth:grant-type:device_code}, RFC 8628, for public and confidential clients alike; it needs
 * no redirect URI), {@code client_credentials} only for a confidential client.
 */
@Singleton
public class GrantRules {

    private static final String CODE = "code";

    public List<String> grantTypes(List<String> requested, ClientAuthMethod method) {
        List<String> grants = requested == null ? List.of(GrantType.AUTHORIZATION_CODE.value()) : requested;
        if (grants.isEmpty()) {
            throw INVALID_CLIENT_METADATA.exception("grant_types must not be empty");
        }
        if (new LinkedHashSet<>(grants).size() != grants.size()) {
            throw INVALID_CLIENT_METADATA.exception("grant_types must not repeat a value");
        }
        for (String grant : grants) {
            if (GrantType.from(grant).isEmpty()) {
                throw INVALID_CLIENT_METADATA.exception("grant_types value " + grant + " is not supported "
                        + "(authorization_code, refresh_token, client_credentials, "
                        + GrantType.DEVICE_CODE.value() + ")");
            }
        }
        if (grants.contains(GrantType.REFRESH_TOKEN.value()) && !grants.contains(GrantType.AUTHORIZATION_CODE.value())
                && !grants.contains(GrantType.DEVICE_CODE.value())) {
            throw INVALID_CLIENT_METADATA.exception("grant_types refresh_token requires authorization_code or "
                    + GrantType.DEVICE_CODE.value());
        }
        if (grants.contains(GrantType.CLIENT_CREDENTIALS.value()) && method.isPublic()) {
            throw INVALID_CLIENT_METADATA.exception("client_credentials requires a confidential client, "
                    + "not token_endpoint_auth_method none");
        }
        return List.copyOf(grants);
    }

    public List<String> responseTypes(List<String> requested, List<String> grants) {
        boolean code = grants.contains(GrantType.AUTHORIZATION_CODE.value());
        List<String> types = requested == null ? (code ? List.of(CODE) : List.of()) : requested;
        for (String type : types) {
            if (!CODE.equals(type)) {
                throw INVALID_CLIENT_METADATA.exception("response_types value " + type + " is not supported (code only)");
            }
        }
        if (code && types.isEmpty()) {
            throw INVALID_CLIENT_METADATA.exception("grant_types authorization_code requires response_types code");
        }
        if (!code && !types.isEmpty()) {
            throw INVALID_CLIENT_METADATA.exception("response_types code requires grant_types authorization_code");
        }
        return types.isEmpty() ? List.of() : List.of(CODE);
    }
}
