package dev.verifier.stack.support.ha;

import java.util.List;
import java.util.Map;

import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.Endpoints;

/** The clients and the user the high-availability tests sign in with, registered through the real admin APIs. */
public final class HaClients {

    public static final String USERNAME = "ha-user";
    public static final String SCOPE = "openid offline_access";

    private HaClients() {
    }

    /** A first-party public SPA (no consent page) with refresh tokens. */
    public static Admin.Registered publicSpa(Admin admin, String redirectUri) {
        return admin.registerClient(Map.of(
                "client_name", "HA test SPA",
                "application_type", "web",
                "redirect_uris", List.of(redirectUri),
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "none",
                "scope", SCOPE,
                "verifier_first_party", true));
    }

    /** A first-party confidential client authenticating with client_secret_jwt (HS256) assertions. */
    public static Admin.Registered secretJwtClient(Admin admin, String redirectUri) {
        return admin.registerClient(Map.of(
                "client_name", "HA test web app",
                "application_type", "web",
                "redirect_uris", List.of(redirectUri),
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "client_secret_jwt",
                "token_endpoint_auth_signing_alg", "HS256",
                "scope", SCOPE,
                "verifier_first_party", true));
    }

    /** The user every sign-in uses; answers the password. */
    public static String user(Admin admin) {
        String password = "ha-password-" + Long.toHexString(System.nanoTime());
        admin.createUser(Map.of("username", USERNAME, "password", password, "name", "HA User",
                "email", "ha@example.com", "email_verified", true));
        return password;
    }

    /** The form of an authorization-code redemption by a public client. */
    public static Map<String, String> codeForm(String clientId, String redirectUri, String code, String verifier) {
        return Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirectUri,
                "client_id", clientId, "code_verifier", verifier);
    }

    public static Map<String, String> refreshForm(String clientId, String refreshToken) {
        return Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId);
    }
}
