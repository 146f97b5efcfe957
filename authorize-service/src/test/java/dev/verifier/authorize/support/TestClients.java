package dev.verifier.authorize.support;

import java.time.Instant;
import java.util.List;

import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.RandomTokens;

/** Registered clients for tests. */
public final class TestClients {

    public static final String SCOPES = "openid profile email offline_access";

    private TestClients() {
    }

    public static RegisteredClient publicClient(String... redirectUris) {
        return client("none", "web", false, redirectUris);
    }

    public static RegisteredClient confidentialClient(String... redirectUris) {
        return client("client_secret_basic", "web", false, redirectUris);
    }

    public static RegisteredClient nativeClient(String... redirectUris) {
        return client("none", "native", false, redirectUris);
    }

    public static RegisteredClient firstPartyClient(String... redirectUris) {
        return client("none", "web", true, redirectUris);
    }

    /** The client with these post_logout_redirect_uris registered. */
    public static RegisteredClient withPostLogoutRedirectUris(RegisteredClient c, String... uris) {
        return with(c, c.metadata().grantTypes(), c.metadata().scope(), List.of(uris));
    }

    /** The client registered with this {@code scope} value, exactly as written (repeats and all). */
    public static RegisteredClient withScope(RegisteredClient c, String scope) {
        return with(c, c.metadata().grantTypes(), scope, c.metadata().postLogoutRedirectUris());
    }

    /** The client registered with these {@code grant_types}. */
    public static RegisteredClient withGrantTypes(RegisteredClient c, String... grantTypes) {
        return with(c, List.of(grantTypes), c.metadata().scope(), c.metadata().postLogoutRedirectUris());
    }

    private static RegisteredClient with(RegisteredClient c, List<String> grantTypes, String scope,
                                         List<String> postLogoutRedirectUris) {
        ClientMetadata m = c.metadata();
        ClientMetadata metadata = new ClientMetadata(m.clientName(), m.redirectUris(), grantTypes,
                m.responseTypes(), m.tokenEndpointAuthMethod(), scope, m.jwksUri(), m.jwks(), m.requestUris(),
                m.requestObjectSigningAlg(), m.tokenEndpointAuthSigningAlg(), m.idTokenSignedResponseAlg(),
                m.applicationType(), m.requirePushedAuthorizationRequests(), postLogoutRedirectUris, m.contacts(),
                m.clientUri(), m.logoUri(), m.policyUri(), m.tosUri(), m.verifierAdmin(), m.introspectionAudiences(),
                m.backchannelLogoutUri(), m.backchannelLogoutSessionRequired());
        return new RegisteredClient(c.clientId(), metadata, c.secretHash(), c.secretCiphertext(), c.firstParty(),
                c.clientIdIssuedAt(), c.updatedAt());
    }

    private static RegisteredClient client(String authMethod, String applicationType, boolean firstParty,
                                           String... redirectUris) {
        ClientMetadata metadata = new ClientMetadata("Test App", List.of(redirectUris),
                List.of("authorization_code", "refresh_token"), List.of("code"), authMethod, SCOPES, null, null,
                null, null, null, null, applicationType, null, null, null, null, null, null, null);
        return new RegisteredClient("client-" + RandomTokens.base64Url(9), metadata,
                authMethod.equals("none") ? null : "sha256:x", null, firstParty, Instant.now(), Instant.now());
    }
}
