package dev.verifier.stack.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.verifier.stack.support.VerifierStack.Service;

/**
 * What an administrator does against a running stack, through the real admin APIs: an access token by
 * client_credentials from the bootstrap admin client (with Nimbus), then API and client registration and user creation.
 */
public final class Admin {

    /** A registered client as the registry answered it (RFC 7591 registration response). */
    public record Registered(String clientId, String clientSecret, JsonNode response) {
    }

    private final Endpoints stack;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;

    public Admin(Endpoints stack) {
        this.stack = stack;
        this.token = clientCredentials(stack.adminClientId(), stack.adminClientSecret(),
                "registry.admin users.admin");
    }

    /** An access token for {@code clientId} by the client_credentials grant (client_secret_basic). */
    public String clientCredentials(String clientId, String secret, String scope) {
        try {
            TokenRequest request = new TokenRequest(stack.url(Service.TOKEN).resolve("/token"),
                    new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                    new ClientCredentialsGrant(), new Scope(scope.split(" ")));
            TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new AssertionError("client_credentials failed: "
                        + response.toErrorResponse().getErrorObject().toJSONObject());
            }
            return response.toSuccessResponse().getTokens().getAccessToken().getValue();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /apis}: registers an API (resource server) with its scopes; answers the stored API. */
    public JsonNode registerApi(Map<String, Object> api) {
        return send("POST", stack.url(Service.REGISTRY).resolve("/apis"), api, 201);
    }

    public Registered registerClient(Map<String, Object> metadata) {
        JsonNode body = send("POST", stack.url(Service.REGISTRY).resolve("/clients"), metadata, 201);
        return new Registered(body.path("client_id").asText(),
                body.hasNonNull("client_secret") ? body.path("client_secret").asText() : null, body);
    }

    /** RFC 7592 full replace of a client's metadata. */
    public JsonNode replaceClient(String clientId, Map<String, Object> metadata) {
        return send("PUT", stack.url(Service.REGISTRY).resolve("/clients/" + clientId), metadata, 200);
    }

    public JsonNode createUser(Map<String, Object> user) {
        return send("POST", stack.url(Service.AUTHORIZE).resolve("/admin/users"), user, 201);
    }

    /** {@code POST /admin/users/{username}/disable}: ends every session and revokes every refresh token. */
    public void disableUser(String username) {
        send("POST", stack.url(Service.AUTHORIZE).resolve("/admin/users/" + username + "/disable"), Map.of(), 204);
    }

    private JsonNode send(String method, URI uri, Object body, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(method + " " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
