package dev.verifier.token.clientauth;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.token.support.ClientAssertions;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /internal/jti}: the single-use store /token uses, offered to authorize-service's /par. A jti recorded
 * there is a replay at /token and the other way round; only a caller with scope {@code jti.record} may record.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "JtiUseEndpointTest")
class JtiUseEndpointTest extends TokenHttpTest {

    @Inject
    VerifierUrls urls;

    String recorder;
    String otherScope;
    TestClients.Client jwtClient;

    @BeforeAll
    void setUp() {
        recorder = clientCredentialsToken(clients.register("client_secret_basic", "jti.record", "client_credentials"));
        otherScope = clientCredentialsToken(clients.register("client_secret_basic", "keys.admin", "client_credentials"));
        jwtClient = clients.register("client_secret_jwt", "api", "client_credentials");
    }

    Http.Answer record(String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/internal/jti"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build());
    }

    static String use(String clientId, String jti, Instant expiresAt) {
        return "{\"client_id\":\"" + clientId + "\",\"jti\":\"" + jti + "\",\"expires_at\":\"" + expiresAt + "\"}";
    }

    Http.Answer tokenWithAssertion(String assertion) {
        return http.post("/token", form("grant_type", "client_credentials", "client_id", jwtClient.id(),
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
    }

    byte[] secret() {
        return jwtClient.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void firstUseThenReplayPerClient() {
        String jti = UUID.randomUUID().toString();
        Instant exp = Instant.now().plusSeconds(120);
        Http.Answer first = record(recorder, use("client-a", jti, exp));
        assertEquals(200, first.status(), first.raw().body());
        assertEquals(true, first.json().get("first_use"));
        assertEquals(false, record(recorder, use("client-a", jti, exp)).json().get("first_use"));
        assertEquals(true, record(recorder, use("client-b", jti, exp)).json().get("first_use"), "another client's jti");
    }

    @Test
    void jtiRecordedForParIsReplayAtToken() {
        String jti = "par-" + UUID.randomUUID();
        assertEquals(true, record(recorder, use(jwtClient.id(), jti, Instant.now().plusSeconds(120)))
                .json().get("first_use"));
        try (AuditLog audit = AuditLog.start()) {
            Http.Answer replay = tokenWithAssertion(ClientAssertions.forClient(jwtClient.id(), urls.tokenEndpoint()
                    .toString()).jti(jti).hmac(JWSAlgorithm.HS256, secret()));
            assertEquals(401, replay.status(), replay.raw().body());
            assertEquals("invalid_client", replay.string("error"));
            assertEquals("jti_reused", audit.reason("client_auth_failed", jwtClient.id()));
        }
    }

    @Test
    void jtiUsedAtTokenIsReplayForPar() {
        String jti = "token-" + UUID.randomUUID();
        Http.Answer ok = tokenWithAssertion(ClientAssertions.forClient(jwtClient.id(), urls.tokenEndpoint()
                .toString()).jti(jti).hmac(JWSAlgorithm.HS256, secret()));
        assertEquals(200, ok.status(), ok.raw().body());
        assertEquals(false, record(recorder, use(jwtClient.id(), jti, Instant.now().plusSeconds(120)))
                .json().get("first_use"));
    }

    @Test
    void withoutTokenThenInvalidToken() {
        Http.Answer answer = record(null, use("c", "j-" + UUID.randomUUID(), Instant.now().plusSeconds(60)));
        assertEquals(401, answer.status());
        assertEquals("invalid_token", answer.string("error"));
        assertEquals("a bearer access token is required", answer.string("error_description"));
    }

    @Test
    void withoutScopeThenInsufficientScope() {
        Http.Answer answer = record(otherScope, use("c", "j-" + UUID.randomUUID(), Instant.now().plusSeconds(60)));
        assertEquals(403, answer.status());
        assertEquals("insufficient_scope", answer.string("error"));
        assertEquals("the access token lacks the scope this resource requires", answer.string("error_description"));
    }

    @Test
    void badInputThenInvalidRequestAndNothingRecorded() {
        String jti = "bad-" + UUID.randomUUID();
        String expiry = "expires_at is required and must be within the assertion lifetime allowed here";
        for (Map.Entry<String, String> refused : List.of(
                Map.entry(use("c", jti, Instant.now().plusSeconds(3600 + 300)), expiry),
                Map.entry(use("c", jti, Instant.now().minusSeconds(3600)), expiry),
                Map.entry(use("", jti, Instant.now().plusSeconds(60)), "client_id is required"),
                Map.entry(use("c", "x".repeat(256), Instant.now().plusSeconds(60)), "jti is required"),
                Map.entry("{\"client_id\":\"c\",\"jti\":\"" + jti + "\"}", expiry))) {
            String body = refused.getKey();
            Http.Answer answer = record(recorder, body);
            assertEquals(400, answer.status(), body);
            assertEquals("invalid_request", answer.string("error"), body);
            assertTrue(answer.string("error_description").startsWith(refused.getValue()), answer.raw().body());
        }
        Http.Answer malformed = record(recorder, "{not json");
        assertEquals(400, malformed.status());
        assertEquals(true, record(recorder, use("c", jti, Instant.now().plusSeconds(60))).json().get("first_use"),
                "the refused requests recorded nothing");
    }
}
