package dev.verifier.authorize.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.user.UserView;
import dev.verifier.testsupport.DPoPProofs;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /userinfo with DPoP-bound access tokens (RFC 9449 §7): {@code Authorization: DPoP} and a Nimbus-made proof for
 * {@code {issuer}/userinfo} with {@code ath}; a bound token as a bearer token (header or form body), a proof of
 * another key and a replayed proof are refused.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserInfoDPoPTest implements AuthorizeTestContext {

    static final String USERINFO = TestTokens.ISSUER + "/userinfo";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    UserService users;

    final HttpClient http = HttpClient.newHttpClient();
    final DPoPProofs key = DPoPProofs.ec();
    UserView frank;

    @BeforeAll
    void setUp() {
        frank = TestUsers.create(users, "frank");
    }

    String boundToken() {
        return TestTokens.token().subject(frank.sub()).scope("openid email").dpopBound(key.jkt()).sign();
    }

    HttpResponse<String> get(String authorization, String... proofs) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/userinfo")).GET()
                .header("Authorization", authorization);
        for (String proof : proofs) {
            request.header("DPoP", proof);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertDPoPChallenge(HttpResponse<String> response, String error) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"" + error),
                response.headers().map().toString());
    }

    @Test
    void aBoundTokenWithItsProofGetsTheClaims() throws Exception {
        String token = boundToken();

        HttpResponse<String> response = get("DPoP " + token, key.proof("GET", USERINFO, token));

        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> body = json.readValue(response.body(), Map.class);
        assertEquals(frank.sub(), body.get("sub"));
        assertEquals("frank@example.com", body.get("email"));
    }

    @Test
    void aBoundTokenAsBearerIsRefused() throws Exception {
        assertDPoPChallenge(get("Bearer " + boundToken()), "invalid_token");
    }

    @Test
    void aBoundTokenInTheFormBodyIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.getURI().resolve("/userinfo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + boundToken())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_token", json.readValue(response.body(), Map.class).get("error"));
    }

    @Test
    void aProofOfAnotherKeyIsRefused() throws Exception {
        String token = boundToken();

        assertDPoPChallenge(get("DPoP " + token, DPoPProofs.ec().proof("GET", USERINFO, token)), "invalid_token");
    }

    @Test
    void aReplayedProofIsRefused() throws Exception {
        String token = boundToken();
        String proof = key.proof("GET", USERINFO, token);
        assertEquals(200, get("DPoP " + token, proof).statusCode());

        assertDPoPChallenge(get("DPoP " + token, proof), "invalid_dpop_proof");
    }

    @Test
    void aProofWithAWrongAthIsRefused() throws Exception {
        String token = boundToken();

        assertDPoPChallenge(get("DPoP " + token, key.builder("GET", USERINFO).rawAth("AAAA").sign()),
                "invalid_dpop_proof");
    }
}
