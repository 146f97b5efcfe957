package dev.verifier.token.support;

import java.time.Instant;
import java.util.List;

import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.crypto.SecretsCipher;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Registers test clients in the {@link FakeRegistry}, one builder per authentication method. */
@Singleton
@Requires(property = "spec.name")
public class TestClients {

    public static final String REDIRECT_URI = "https://app.example/cb";
    public static final String OTHER_REDIRECT_URI = "https://app.example/other-cb";

    /** A registered client and, for secret-based methods, its secret. */
    public record Client(String id, @Nullable String secret, RegisteredClient registered) {
    }

    private final FakeRegistry registry;
    private final SecretsCipher cipher;

    TestClients(FakeRegistry registry, SecretsCipher cipher) {
        this.registry = registry;
        this.cipher = cipher;
    }

    public Client register(String method, String scope, String... grantTypes) {
        return registerWithIdTokenAlg(method, scope, null, grantTypes);
    }

    public Client registerWithIdTokenAlg(String method, String scope, @Nullable String idTokenAlg,
                                         String... grantTypes) {
        return create(method, scope, idTokenAlg, null, grantTypes);
    }

    /** A public code-flow client with two registered redirect URIs. */
    public Client registerWithTwoRedirectUris(String scope) {
        Client client = register("none", scope, "authorization_code");
        ClientMetadata m = client.registered().metadata();
        ClientMetadata two = new ClientMetadata(m.clientName(), List.of(REDIRECT_URI, OTHER_REDIRECT_URI),
                m.grantTypes(), m.responseTypes(), m.tokenEndpointAuthMethod(), m.scope(), null, null, null, null, null,
                null, "web", false, null, null, null, null, null, null);
        RegisteredClient r = client.registered();
        RegisteredClient updated = new RegisteredClient(r.clientId(), two, null, null, false, r.clientIdIssuedAt(),
                r.updatedAt());
        registry.put(updated);
        return new Client(client.id(), null, updated);
    }

    /** The client with a {@code backchannel_logout_uri} (the registry's copy replaced). */
    public Client withBackchannelLogoutUri(Client client, String uri) {
        ClientMetadata m = client.registered().metadata();
        ClientMetadata metadata = new ClientMetadata(m.clientName(), m.redirectUris(), m.grantTypes(),
                m.responseTypes(), m.tokenEndpointAuthMethod(), m.scope(), m.jwksUri(), m.jwks(), m.requestUris(),
                m.requestObjectSigningAlg(), m.tokenEndpointAuthSigningAlg(), m.idTokenSignedResponseAlg(),
                m.applicationType(), m.requirePushedAuthorizationRequests(), m.postLogoutRedirectUris(), m.contacts(),
                m.clientUri(), m.logoUri(), m.policyUri(), m.tosUri(), m.verifierAdmin(), m.introspectionAudiences(), uri,
                true);
        RegisteredClient r = client.registered();
        RegisteredClient updated = new RegisteredClient(r.clientId(), metadata, r.secretHash(), r.secretCiphertext(),
                r.firstParty(), r.clientIdIssuedAt(), r.updatedAt());
        registry.put(updated);
        return new Client(client.id(), client.secret(), updated);
    }

    /** The client registered with {@code dpop_bound_access_tokens: true} (the registry's copy replaced). */
    public Client withDpopBoundAccessTokens(Client client) {
        ClientMetadata m = client.registered().metadata();
        ClientMetadata metadata = new ClientMetadata(m.clientName(), m.redirectUris(), m.grantTypes(),
                m.responseTypes(), m.tokenEndpointAuthMethod(), m.scope(), m.jwksUri(), m.jwks(), m.requestUris(),
                m.requestObjectSigningAlg(), m.tokenEndpointAuthSigningAlg(), m.idTokenSignedResponseAlg(),
                m.applicationType(), m.requirePushedAuthorizationRequests(), m.postLogoutRedirectUris(), m.contacts(),
                m.clientUri(), m.logoUri(), m.policyUri(), m.tosUri(), m.verifierAdmin(), m.introspectionAudiences(),
                m.backchannelLogoutUri(), m.backchannelLogoutSessionRequired(), m.requireSignedRequestObject(),
                m.requirePkce(), true);
        RegisteredClient r = client.registered();
        RegisteredClient updated = new RegisteredClient(r.clientId(), metadata, r.secretHash(), r.secretCiphertext(),
                r.firstParty(), r.clientIdIssuedAt(), r.updatedAt());
        registry.put(updated);
        return new Client(client.id(), client.secret(), updated);
    }

    /** A resource server: a confidential client allowed to introspect tokens of {@code audience}. */
    public Client registerResourceServer(String audience) {
        return create("client_secret_basic", "", null, null, List.of(audience), true, "client_credentials");
    }

    /** A confidential client whose {@code client_uri} is {@code uri} (no introspection relation). */
    public Client registerWithClientUri(String uri) {
        return create("client_secret_basic", "", null, uri, null, true, "client_credentials");
    }

    /** A client_credentials client holding {@code scope} but not registered {@code verifier_admin}. */
    public Client registerWithoutAdminFlag(String scope) {
        return create("client_secret_basic", scope, null, null, null, false, "client_credentials");
    }

    private Client create(String method, String scope, @Nullable String idTokenAlg, @Nullable String clientUri,
                            String... grantTypes) {
        boolean admin = !AdminScopes.internal(Scopes.parse(scope).values()).isEmpty();
        return create(method, scope, idTokenAlg, clientUri, null, admin, grantTypes);
    }

    private Client create(String method, String scope, @Nullable String idTokenAlg, @Nullable String clientUri,
                          @Nullable List<String> introspectionAudiences, boolean verifierAdmin, String... grantTypes) {
        String id = method + "-" + RandomTokens.base64Url(6);
        String secret = method.startsWith("client_secret") ? ClientSecrets.generate() : null;
        ClientMetadata metadata = new ClientMetadata(id, List.of(REDIRECT_URI), List.of(grantTypes), List.of("code"),
                method, scope, null, null, null, null, null, idTokenAlg, "web", false, null, null, clientUri, null, null,
                null, verifierAdmin ? Boolean.TRUE : null, introspectionAudiences, null, null);
        String hash = secret != null && !method.equals("client_secret_jwt") ? ClientSecrets.hash(secret) : null;
        String ciphertext = method.equals("client_secret_jwt") ? cipher.encrypt(secret) : null;
        RegisteredClient client = new RegisteredClient(id, metadata, hash, ciphertext, false, Instant.now(),
                Instant.now());
        registry.put(client);
        return new Client(id, secret, client);
    }
}
