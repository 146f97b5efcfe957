package dev.verifier.resource.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.verifier.resource.support.ResourceApiTest;
import dev.verifier.testsupport.DPoPProofs;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DPoP-bound access tokens at resource-api (RFC 9449 §7): {@code Authorization: DPoP} with a Nimbus-made proof whose
 * key is the token's {@code cnf.jkt}; a bound token as a bearer token, a proof of another key, a wrong {@code ath},
 * a replayed proof, a proof for another URL are refused with a {@code DPoP} challenge.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DPoPResourceTest implements ResourceApiTest {

    static final String ME = AUDIENCE + "/api/me";   // the public URL: htu names it, whatever the port of the test

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final DPoPProofs key = DPoPProofs.ec();

    String boundToken(DPoPProofs boundTo) {
        return TOKENS.token(AUDIENCE).scope("openid").claim("cnf", Map.of("jkt", boundTo.jkt())).sign();
    }

    HttpResponse<String> get(String authorization, String... proofs) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/api/me")).GET()
                .header("Authorization", authorization);
        for (String proof : proofs) {
            request.header("DPoP", proof);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void assertRefused(HttpResponse<String> response, String error, String description) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        Map<?, ?> body = json.readValue(response.body(), Map.class);
        assertEquals(error, body.get("error"));
        assertEquals(description, body.get("error_description"));
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"" + error),
                response.headers().map().toString());
    }

    @Test
    void aBoundTokenWithAProofOfItsKeyIsAccepted() throws Exception {
        String token = boundToken(key);

        HttpResponse<String> response = get("DPoP " + token, key.proof("GET", ME, token));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("alice", json.readValue(response.body(), Map.class).get("sub"));
    }

    @Test
    void aBoundTokenPresentedAsBearerIsRefused() throws Exception {
        assertRefused(get("Bearer " + boundToken(key)), "invalid_token",
                "the access token is bound to a DPoP key: present it with the DPoP scheme and a proof");
    }

    @Test
    void aProofMadeWithAnotherKeyIsRefused() throws Exception {
        String token = boundToken(key);
        DPoPProofs other = DPoPProofs.ec();

        assertRefused(get("DPoP " + token, other.proof("GET", ME, token)), "invalid_token",
                "the access token is not bound to the key of the DPoP proof");
    }

    @Test
    void aProofWithTheHashOfAnotherTokenIsRefused() throws Exception {
        String token = boundToken(key);

        assertRefused(get("DPoP " + token, key.proof("GET", ME, boundToken(key))), "invalid_dpop_proof",
                "the DPoP proof's ath is not the hash of the access token presented");
    }

    @Test
    void aProofWithoutAthIsRefused() throws Exception {
        String token = boundToken(key);

        assertRefused(get("DPoP " + token, key.proof("GET", ME)), "invalid_dpop_proof",
                "the DPoP proof's ath is not the hash of the access token presented");
    }

    @Test
    void aReplayedProofIsRefused() throws Exception {
        String token = boundToken(key);
        String proof = key.proof("GET", ME, token);
        assertEquals(200, get("DPoP " + token, proof).statusCode());

        assertRefused(get("DPoP " + token, proof), "invalid_dpop_proof", "the DPoP proof was already used (jti)");
    }

    @Test
    void aProofForAnotherUrlOrMethodIsRefused() throws Exception {
        String token = boundToken(key);

        assertRefused(get("DPoP " + token, key.proof("GET", AUDIENCE + "/api/notes", token)), "invalid_dpop_proof",
                "the DPoP proof's htu is not this endpoint's URL");
        assertRefused(get("DPoP " + token, key.proof("POST", ME, token)), "invalid_dpop_proof",
                "the DPoP proof's htm is not this request's method");
    }

    @Test
    void anOldProofIsRefused() throws Exception {
        String token = boundToken(key);

        assertRefused(get("DPoP " + token, key.builder("GET", ME).ath(token)
                        .iat(Instant.now().minus(Duration.ofMinutes(3))).sign()), "invalid_dpop_proof",
                "the DPoP proof's iat is missing or not recent");
    }

    @Test
    void aDPoPRequestWithoutAProofIsRefused() throws Exception {
        assertRefused(get("DPoP " + boundToken(key)), "invalid_dpop_proof", "exactly one DPoP header is required");
    }

    @Test
    void anUnboundTokenUnderTheDPoPSchemeIsRefused() throws Exception {
        String token = TOKENS.token(AUDIENCE).scope("openid").sign();

        assertRefused(get("DPoP " + token, key.proof("GET", ME, token)), "invalid_token",
                "the access token is not bound to the key of the DPoP proof");
    }

    @Test
    void anUnboundBearerTokenStillWorks() throws Exception {
        HttpResponse<String> response = get("Bearer " + TOKENS.token(AUDIENCE).scope("openid").sign());

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void anInvalidTokenUnderTheDPoPSchemeGetsADPoPChallenge() throws Exception {
        String token = TOKENS.token(AUDIENCE).scope("openid").claim("cnf", Map.of("jkt", key.jkt()))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();

        HttpResponse<String> response = get("DPoP " + token, key.proof("GET", ME, token));

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"invalid_token"));
    }
}
