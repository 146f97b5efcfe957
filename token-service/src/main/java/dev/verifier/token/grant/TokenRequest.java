package dev.verifier.token.grant;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.web.FormParameters;
import io.micronaut.core.annotation.Nullable;

/**
 * A parsed token request (RFC 6749 §3.2): single-valued parameters, the client credentials it carries, and its
 * {@code grant_type}; the RFC 8707 {@code resource} values (repeatable) as given, checked by the grant. Parsing
 * decides nothing about the client or the grant. {@code dpopJkt} is the thumbprint of the key of the request's checked
 * DPoP proof (RFC 9449), set by the endpoint before any grant runs ({@link #withDpopJkt}); null without a proof.
 */
public record TokenRequest(String grantType, Map<String, String> params, ClientCredentials credentials,
                           List<String> resources, @Nullable String dpopJkt) {

    public TokenRequest(String grantType, Map<String, String> params, ClientCredentials credentials,
                        List<String> resources) {
        this(grantType, params, credentials, resources, null);
    }

    public TokenRequest(String grantType, Map<String, String> params, ClientCredentials credentials) {
        this(grantType, params, credentials, List.of());
    }

    public TokenRequest {
        resources = List.copyOf(resources);
    }

    public static TokenRequest parse(@Nullable String body, @Nullable String authorization) {
        FormParameters.Form form = FormParameters.parse(body, Set.of(Params.RESOURCE));
        Map<String, String> params = form.params();
        String grantType = params.get(Params.GRANT_TYPE);
        if (grantType == null) {
            throw OAuthError.INVALID_REQUEST.exception(Params.GRANT_TYPE + " is required");
        }
        return new TokenRequest(grantType, Map.copyOf(params), ClientCredentials.parse(params, authorization),
                form.all(Params.RESOURCE));
    }

    /** This request with the thumbprint of its checked DPoP proof's key. */
    public TokenRequest withDpopJkt(@Nullable String jkt) {
        return new TokenRequest(grantType, params, credentials, resources, jkt);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public String required(String name) {
        return param(name).orElseThrow(() -> OAuthError.INVALID_REQUEST.exception(name + " is required"));
    }
}
