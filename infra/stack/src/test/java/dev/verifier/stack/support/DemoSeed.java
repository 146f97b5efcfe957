package dev.verifier.stack.support;

import java.util.List;
import java.util.Map;

/** Registers the demo SPA's public client and a demo user, as infra/seed-demo.sh does for the local stack. */
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

    static Demo seed(VerifierStack stack, int resourcePort) {
        Admin admin = new Admin(stack);
        String redirectUri = "http://localhost:" + resourcePort + "/demo/";
        String clientId = admin.registerClient(clientMetadata(List.of(redirectUri))).clientId();
        String password = "demo-password-" + Long.toHexString(System.nanoTime());
        admin.createUser(Map.of("username", "demo", "password", password, "name", "Demo User",
                "email", "demo@example.com", "email_verified", true));
        return new Demo(clientId, redirectUri, "demo", password);
    }
}
