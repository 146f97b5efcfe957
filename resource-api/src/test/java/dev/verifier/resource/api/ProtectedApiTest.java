package dev.verifier.resource.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.verifier.resource.support.ResourceApiTest;
import dev.verifier.testsupport.PrometheusText;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sample API validates RFC 9068 access tokens locally against the token-service JWKS: signature, typ at+jwt,
 * iss, aud, exp/nbf with bounded skew, scope per endpoint; errors per RFC 6750.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectedApiTest implements ResourceApiTest {


    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void meAnswersSubjectClientAndScopesOfAValidToken() throws Exception {
        HttpResponse<String> response = get("/api/me",
                TOKENS.token(AUDIENCE).subject("sub-42").scope("openid profile").sign());

        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> me = json.readValue(response.body(), Map.class);
        assertEquals("sub-42", me.get("sub"));
        assertEquals("test-client", me.get("client_id"));
        assertEquals(List.of("openid", "profile"), me.get("scopes"));
    }

    @Test
    void missingTokenIsChallengedWithBearer() throws Exception {
        HttpResponse<String> response = get("/api/me", null);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void idTokenPresentedAsAccessTokenIsRefused() throws Exception {
        assertInvalidToken(TOKENS.token(AUDIENCE).type("JWT").sign());
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() throws Exception {
        assertInvalidToken(TOKENS.token(AUDIENCE).issuer("https://evil.example").sign());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        HttpResponse<String> response = get("/api/me", TOKENS.token("http://localhost:9002").sign());

        assertEquals(401, response.statusCode(), response.body());
        Map<?, ?> error = json.readValue(response.body(), Map.class);
        assertEquals("invalid_token", error.get("error"));
        assertEquals("the access token is not for this resource server: its aud does not hold " + AUDIENCE,
                error.get("error_description"));
    }

    @Test
    void tokenOfAnotherApiIsRefusedEvenWithTheIssuerInItsAudience() throws Exception {
        // a user token for another API: the issuer (for /userinfo) and that API, never resource-api
        HttpResponse<String> response = get("/api/me",
                TOKENS.token("https://orders.example").audience("http://localhost:9000", "https://orders.example")
                        .sign());

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("the access token is not for this resource server: its aud does not hold " + AUDIENCE,
                json.readValue(response.body(), Map.class).get("error_description"));
    }

    @Test
    void expiredTokenBeyondTheSkewIsRefused() throws Exception {
        assertInvalidToken(TOKENS.token(AUDIENCE).expiresIn(Duration.ofMinutes(-2)).sign());
    }

    @Test
    void tokenNotYetValidBeyondTheSkewIsRefused() throws Exception {
        assertInvalidToken(TOKENS.token(AUDIENCE).notBefore(Instant.now().plusSeconds(600)).sign());
    }

    @Test
    void tokenSignedWithAnUnpublishedKeyIsRefused() throws Exception {
        assertInvalidToken(TOKENS.token(AUDIENCE).signedWithUnpublishedKey().sign());
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(ISSUER)
                .audience(AUDIENCE).subject("sub-42").claim("scope", "openid")
                .expirationTime(java.util.Date.from(Instant.now().plusSeconds(300))).build();
        String unsigned = new com.nimbusds.jwt.PlainJWT(new com.nimbusds.jose.PlainHeader.Builder()
                .type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).build(), claims).serialize();
        assertInvalidToken(unsigned);
        String signed = TOKENS.token(AUDIENCE).sign();
        assertEquals(200, get("/api/me", signed).statusCode(), "the same claims signed pass, even seen before");
        assertInvalidToken(unsigned.substring(0, unsigned.indexOf('.') + 1) + signed.split("\\.")[1] + ".");
    }

    @Test
    void tamperedTokenIsRefused() throws Exception {
        String token = TOKENS.token(AUDIENCE).subject("alice").sign();
        String[] parts = token.split("\\.");
        String otherPayload = TOKENS.token(AUDIENCE).subject("mallory").sign().split("\\.")[1];
        assertInvalidToken(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void notesWithoutTheirScopeAnswerInsufficientScope() throws Exception {
        HttpResponse<String> response = get("/api/notes", TOKENS.token(AUDIENCE).scope("openid").sign());

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("error=\"insufficient_scope\""));
        Map<?, ?> error = json.readValue(response.body(), Map.class);
        assertEquals("insufficient_scope", error.get("error"));
        assertEquals("the access token lacks the scope this resource requires", error.get("error_description"));
    }

    @Test
    void notesAreWrittenAndReadWithTheirScopesAndBelongToTheSubject() throws Exception {
        String writer = TOKENS.token(AUDIENCE).subject("note-owner").scope("notes.write").sign();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Authorization", "Bearer " + writer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hello\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());

        String ownerReader = TOKENS.token(AUDIENCE).subject("note-owner").scope("notes.read").sign();
        String otherReader = TOKENS.token(AUDIENCE).subject("someone-else").scope("notes.read").sign();
        assertTrue(get("/api/notes", ownerReader).body().contains("hello"));
        assertEquals("[]", get("/api/notes", otherReader).body());
    }

    @Test
    void malformedNoteAnswersInvalidRequestNotA500() throws Exception {
        String writer = TOKENS.token(AUDIENCE).scope("notes.write").sign();
        for (Map.Entry<String, String> refused : List.of(Map.entry("{\"text\":\"\"}", "text is required"),
                Map.entry("{not json", "malformed request"),
                Map.entry("{\"text\":\"" + "x".repeat(4001) + "\"}", "text is longer than 4000 characters"))) {
            String body = refused.getKey();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/notes"))
                    .header("Authorization", "Bearer " + writer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            Map<?, ?> error = json.readValue(response.body(), Map.class);
            assertEquals("invalid_request", error.get("error"));
            assertEquals(refused.getValue(), error.get("error_description"), body);
        }
    }

    @Test
    void tokenSignedWithANewlyRotatedKeyIsAcceptedAfterOneJwksRefresh() throws Exception {
        assertEquals(200, get("/api/me", TOKENS.token(AUDIENCE).sign()).statusCode());
        int hitsBefore = TOKENS.jwksHits();
        TOKENS.rotate();

        HttpResponse<String> response = get("/api/me", TOKENS.token(AUDIENCE).sign());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(hitsBefore + 1, TOKENS.jwksHits(), "exactly one JWKS refresh for the unknown kid");
        get("/api/me", TOKENS.token(AUDIENCE).sign());
        assertEquals(hitsBefore + 1, TOKENS.jwksHits(), "the new key is cached");
    }

    private void assertInvalidToken(String token) throws Exception {
        HttpResponse<String> response = get("/api/me", token);
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""),
                response.headers().map().toString());
    }

    @Test
    void requestsAreCountedAtPrometheusByRouteAndStatus() throws Exception {
        String[] labels = {"uri", "/api/me", "method", "GET", "status", "200"};
        PrometheusText before = PrometheusText.parse(get("/prometheus", null).body());
        assertEquals(200, get("/api/me", TOKENS.token(AUDIENCE).sign()).statusCode());

        PrometheusText after = PrometheusText.parse(get("/prometheus", null).body());
        assertEquals(1, after.sum("http_server_requests_seconds_count", labels)
                - before.sum("http_server_requests_seconds_count", labels), 1e-9);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
