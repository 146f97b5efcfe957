package dev.verifier.stack.support;

import java.util.List;
import java.util.Map;

/**
 * Registers resource-api as an API (its scopes notes.read and notes.write: scopes are data, a client may hold them only
 * once an API owns them), then the demo SPA's public client and a demo user, as the local launcher does.
 */
public final class DemoSeed {

    public record Demo(String clientId, String redirectUri, String username, String password) {
    }

    private DemoSeed() {
    }

    /** The demo SPA's registration metadata (a public client) with these redirect and post-logout redirect URIs. */
    public static Map<String, Object> clientMetadata(List<String> redirectUris) {
        return Map.of(
                "client_name", "Verifier demo SPA",
                "application_type", "web",
                "redirect_uris", redirectUris,
                "post_logout_redirect_uris", redirectUris,
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "none",
                "scope", "openid profile email offline_access notes.read");
    }

    /** resource-api as a registered API: its identifier (the audience of its tokens) is its URL. */
    public static Map<String, Object> resourceApi(int resourcePort) {
        return Map.of(
                "identifier", "http://localhost:" + resourcePort,
                "name", "resource-api (sample notes)",
                "scopes", List.of(Map.of("value", "notes.read", "description", "Read your notes"),
                        Map.of("value", "notes.write", "description", "Write notes")),
                "allow_client_credentials", true,
                "allow_user_tokens", true);
    }

    static Demo seed(VerifierStack stack, int resourcePort) {
        Admin admin = new Admin(stack);
        admin.registerApi(resourceApi(resourcePort));
        String redirectUri = "http://localhost:" + resourcePort + "/demo/";
        String clientId = admin.registerClient(clientMetadata(List.of(redirectUri))).clientId();
        String password = "demo-password-" + Long.toHexString(System.nanoTime());
        admin.createUser(Map.of("username", "demo", "password", password, "name", "Demo User",
                "email", "demo@example.com", "email_verified", true));
        return new Demo(clientId, redirectUri, "demo", password);
    }
}
