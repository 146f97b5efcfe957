package dev.verifier.registry.support;

/** Client metadata bodies used across the registry's tests. */
public final class TestClients {

    private TestClients() {
    }

    public static String publicSpa() {
        return """
                {"client_name": "SPA", "redirect_uris": ["https://spa.example/callback"],
                 "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"],
                 "token_endpoint_auth_method": "none", "scope": "openid profile offline_access"}""";
    }

    public static String confidentialBasic() {
        return """
                {"client_name": "Web app", "redirect_uris": ["https://app.example/cb"],
                 "token_endpoint_auth_method": "client_secret_basic", "scope": "openid email"}""";
    }

    public static String secretJwt(String jwksUri) {
        return """
                {"client_name": "JAR client", "redirect_uris": ["https://jar.example/cb"],
                 "token_endpoint_auth_method": "client_secret_jwt", "token_endpoint_auth_signing_alg": "HS256",
                 "jwks_uri": "%s", "request_uris": ["https://jar.example/requests/1"],
                 "request_object_signing_alg": "RS256", "scope": "openid"}""".formatted(jwksUri);
    }

    public static String privateKeyJwt(String jwksUri) {
        return """
                {"client_name": "PKJ client", "redirect_uris": ["https://pkj.example/cb"],
                 "token_endpoint_auth_method": "private_key_jwt", "jwks_uri": "%s", "scope": "openid"}"""
                .formatted(jwksUri);
    }
}
