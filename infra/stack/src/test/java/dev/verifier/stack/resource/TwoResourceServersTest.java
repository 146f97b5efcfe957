package dev.verifier.stack.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.ServiceProcess;
import dev.verifier.stack.support.UserAgent;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Many APIs, one issuer, through the real stack: a second resource-api process runs with another identifier (API B),
 * registered through the admin API like any team's API. A token for resource-api (API A) is refused by B and accepted
 * by A, and the other way round, for client_credentials and user tokens; RFC 8707 {@code resource} selects the audience
 * at /authorize and /token (code and refresh), without any restart or configuration change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoResourceServersTest {

    static final String PASSWORD = "correct horse battery staple";
    static final URI REDIRECT = URI.create("http://127.0.0.1:8766/callback");

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    VerifierStack stack;
    ServiceProcess apiB;
    String a;
    String b;
    String bScope;
    Admin.Registered client;
    String username;

    @BeforeAll
    void secondApiAndItsClient() throws Exception {
        stack = VerifierStack.on(Database.H2);
        Admin admin = new Admin(stack);
        a = stack.url(Service.RESOURCE).toString();
        int port = VerifierStack.freePort();
        b = "http://localhost:" + port;
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        bScope = "orders" + suffix + ".read";
        admin.registerApi(Map.of("identifier", b, "name", "Orders (second resource-api)",
                "scopes", List.of(Map.of("value", bScope, "description", "See your orders")),
                "access_token_lifetime", 120, "allow_client_credentials", true, "allow_user_tokens", true));
        apiB = stack.startAnother(Service.RESOURCE, "resource-api-b", port,
                Map.of("VERIFIER_URLS_RESOURCE_API", b));
        client = admin.registerClient(Map.of(
                "client_name", "E2E two-API client",
                "redirect_uris", List.of(REDIRECT.toString()),
                "grant_types", List.of("authorization_code", "refresh_token", "client_credentials"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "client_secret_basic",
                "scope", "openid offline_access notes.read " + bScope));
        username = "two-apis-" + suffix;
        admin.createUser(Map.of("username", username, "password", PASSWORD, "name", "Two APIs",
                "email", username + "@example.com", "email_verified", true));
    }

    @AfterAll
    void stopApiB() {
        if (apiB != null) {
            apiB.close();
        }
    }

    @Test
    void clientCredentialsTokenForOneApiIsAcceptedThereAndRefusedByTheOther() throws Exception {
        String forA = token(Map.of("grant_type", List.of("client_credentials"), "scope", List.of("notes.read")));
        assertEquals(List.of(a), audience(forA));
        assertAccepted(a, forA);
        assertRefused(b, forA);

        String forB = token(Map.of("grant_type", List.of("client_credentials"), "resource", List.of(b)));
        assertEquals(List.of(b), audience(forB));
        assertEquals(bScope, SignedJWT.parse(forB).getJWTClaimsSet().getStringClaim("scope"));
        assertAccepted(b, forB);
        assertRefused(a, forB);
    }

    @Test
    void userTokenByScopeIsForTheOwningApiOnly() throws Exception {
        String code = login("openid notes.read");
        JsonNode tokens = tokens(Map.of("grant_type", List.of("authorization_code"), "code", List.of(code),
                "redirect_uri", List.of(REDIRECT.toString()), "code_verifier", List.of(verifier.getValue())));

        String access = tokens.path("access_token").asText();
        assertEquals(List.of(stack.issuer().toString(), a), audience(access));
        assertAccepted(a, access);
        assertRefused(b, access);
    }

    @Test
    void resourceSelectsTheAudienceAtAuthorizeTokenAndRefresh() throws Exception {
        String code = login("openid offline_access notes.read " + bScope, a, b);
        JsonNode tokens = tokens(Map.of("grant_type", List.of("authorization_code"), "code", List.of(code),
                "redirect_uri", List.of(REDIRECT.toString()), "code_verifier", List.of(verifier.getValue()),
                "resource", List.of(b)));

        String forB = tokens.path("access_token").asText();
        assertEquals(List.of(b), audience(forB), "down-scoped to B at /token");
        assertEquals(bScope, tokens.path("scope").asText());
        assertEquals(120, tokens.path("expires_in").asInt(), "B's access_token_lifetime");
        assertAccepted(b, forB);
        assertRefused(a, forB);

        JsonNode refreshed = tokens(Map.of("grant_type", List.of("refresh_token"),
                "refresh_token", List.of(tokens.path("refresh_token").asText()), "resource", List.of(a)));
        String forA = refreshed.path("access_token").asText();
        assertEquals(List.of(a), audience(forA), "the refresh asked for the other granted API");
        assertEquals("notes.read", refreshed.path("scope").asText());
        assertAccepted(a, forA);
        assertRefused(b, forA);

        HttpResponse<String> notGranted = post(Map.of("grant_type", List.of("refresh_token"),
                "refresh_token", List.of(refreshed.path("refresh_token").isMissingNode()
                        ? tokens.path("refresh_token").asText() : refreshed.path("refresh_token").asText()),
                "resource", List.of("https://unregistered.example")));
        assertEquals(400, notGranted.statusCode(), notGranted.body());
        assertEquals("invalid_target", json.readTree(notGranted.body()).path("error").asText());
    }

    CodeVerifier verifier;

    private String login(String scope, String... resources) {
        verifier = new CodeVerifier();
        State state = new State();
        StringBuilder request = new StringBuilder(new AuthenticationRequest.Builder(ResponseType.CODE,
                Scope.parse(scope), new ClientID(client.clientId()), REDIRECT)
                .endpointURI(stack.issuer().resolve("/authorize")).state(state).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI().toString());
        for (String resource : resources) {
            request.append("&resource=").append(URLEncoder.encode(resource, StandardCharsets.UTF_8));
        }
        return new UserAgent(stack.issuer()).authorize(URI.create(request.toString()), username, PASSWORD)
                .getAuthorizationCode().getValue();
    }

    private String token(Map<String, List<String>> form) throws Exception {
        return tokens(form).path("access_token").asText();
    }

    private JsonNode tokens(Map<String, List<String>> form) throws Exception {
        HttpResponse<String> response = post(form);
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(Map<String, List<String>> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(v -> body.append(body.length() == 0 ? "" : "&")
                .append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        String basic = Base64.getEncoder().encodeToString((client.clientId() + ":" + client.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(stack.url(Service.TOKEN).resolve("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> audience(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet().getAudience();
    }

    private HttpResponse<String> me(String api, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(api + "/api/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertAccepted(String api, String token) throws Exception {
        HttpResponse<String> response = me(api, token);
        assertEquals(200, response.statusCode(), api + ": " + response.body());
    }

    private void assertRefused(String api, String token) throws Exception {
        HttpResponse<String> response = me(api, token);
        assertEquals(401, response.statusCode(), api + ": " + response.body());
        JsonNode error = json.readTree(response.body());
        assertEquals("invalid_token", error.path("error").asText());
        assertEquals("the access token is not for this resource server: its aud does not hold " + api,
                error.path("error_description").asText());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }
}
