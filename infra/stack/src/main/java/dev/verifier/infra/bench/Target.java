package dev.verifier.infra.bench;

import java.util.Map;

/**
 * The server the benchmark measures: Verifier's local stack, or node-oidc-provider as the peer measured in the same
 * run ({@code infra/peer/node-oidc-provider}). Only the addresses, the clients and one protocol difference vary.
 *
 * @param offlineNeedsPromptConsent node-oidc-provider honours {@code offline_access} only with {@code prompt=consent}
 *                                  (OIDC Core §11), Verifier on a first-party consent as well
 * @param introspectionEndpoint     null when the target cannot introspect its own access tokens
 * @param resourceServer            where a resource server validates a user token; null when the target has none
 */
record Target(String name, String issuer, String tokenEndpoint, String introspectionEndpoint, String jwksUri,
              String publicClientId, String redirectUri, boolean offlineNeedsPromptConsent, String resourceServer) {

    static Target verifier(Map<String, String> env) {
        return new Target("Verifier", "http://localhost:9000", "http://localhost:9001/token",
                "http://localhost:9001/introspect", "http://localhost:9001/jwks", env.get("DEMO_CLIENT_ID"),
                "http://localhost:9003/demo/", false, "http://localhost:9003/api/me");
    }

    static Target nodeOidcProvider(int port) {
        String issuer = "http://localhost:" + port;
        // its introspection endpoint refuses JWT access tokens (unsupported_token_type), so that scenario is not run
        return new Target("node-oidc-provider", issuer, issuer + "/token", null,
                issuer + "/jwks", "peer-spa", "http://localhost:9003/demo/", true, null);
    }

    String authorizationEndpoint() {
        return name.equals("Verifier") ? issuer + "/authorize" : issuer + "/auth";
    }
}
