package dev.verifier.token.grant;

import java.util.Map;
import java.util.Optional;

import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.web.FormParameters;
import io.micronaut.core.annotation.Nullable;

/**
 * A parsed token request (RFC 6749 §3.2): single-valued parameters, the client credentials it carries, and its
 * {@code grant_type}. Parsing decides nothing about the client or the grant.
 */
public record TokenRequest(String grantType, Map<String, String> params, ClientCredentials credentials) {

    public static TokenRequest parse(@Nullable String body, @Nullable String authorization) {
        Map<String, String> params = FormParameters.parse(body);
        String grantType = params.get(Params.GRANT_TYPE);
        if (grantType == null) {
            throw OAuthError.INVALID_REQUEST.exception(Params.GRANT_TYPE + " is required");
        }
        return new TokenRequest(grantType, Map.copyOf(params), ClientCredentials.parse(params, authorization));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public String required(String name) {
        return param(name).orElseThrow(() -> OAuthError.INVALID_REQUEST.exception(name + " is required"));
    }
}
