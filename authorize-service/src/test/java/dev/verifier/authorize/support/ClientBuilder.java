package dev.verifier.authorize.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.RandomTokens;

/** A registered client with the metadata a test needs (request objects, PAR, client authentication). */
public final class ClientBuilder {

    private String authMethod = "client_secret_basic";
    private List<String> redirectUris = List.of(FrontChannelTest.CB);
    private String jwksUri;
    private Map<String, Object> jwks;
    private List<String> requestUris;
    private String requestObjectSigningAlg;
    private Boolean requirePar;
    private Boolean requireSignedRequestObject;
    private Boolean requirePkce;
    private String secretHash;
    private String secretCiphertext;

    public ClientBuilder authMethod(String value) { authMethod = value; return this; }
    public ClientBuilder redirectUris(String... values) { redirectUris = List.of(values); return this; }
    public ClientBuilder jwksUri(String value) { jwksUri = value; return this; }
    public ClientBuilder jwks(Map<String, Object> value) { jwks = value; return this; }
    public ClientBuilder requestUris(String... values) { requestUris = List.of(values); return this; }
    public ClientBuilder requestObjectSigningAlg(String value) { requestObjectSigningAlg = value; return this; }
    public ClientBuilder requirePar() { requirePar = true; return this; }
    public ClientBuilder requireSignedRequestObject() { requireSignedRequestObject = true; return this; }
    public ClientBuilder requirePkce(boolean value) { requirePkce = value; return this; }
    public ClientBuilder secretHash(String value) { secretHash = value; return this; }
    public ClientBuilder secretCiphertext(String value) { secretCiphertext = value; return this; }

    public RegisteredClient build() {
        ClientMetadata metadata = new ClientMetadata("Test Backend", redirectUris,
                List.of("authorization_code", "refresh_token"), List.of("code"), authMethod, TestClients.SCOPES,
                jwksUri, jwks, requestUris, requestObjectSigningAlg, null, null, "web", requirePar, null, null, null,
                null, null, null, null, null, null, null, requireSignedRequestObject, requirePkce);
        return new RegisteredClient("client-" + RandomTokens.base64Url(9), metadata, secretHash, secretCiphertext,
                false, Instant.now(), Instant.now());
    }
}
