package dev.verifier.resource.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.verifier.resource.support.ResourceApiTest;
import dev.verifier.testsupport.DPoPProofs;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Server nonces at a resource server (RFC 9449 §9): 401 {@code DPoP error="use_dpop_nonce"} and a nonce that works. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.dpop.nonce-required", value = "true")
@Property(name = "verifier.dpop.nonce-secret", value = "a-test-nonce-secret-of-32-characters-or-more")
class DPoPResourceNonceTest implements ResourceApiTest {

    static final String ME = AUDIENCE + "/api/me";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String token, String proof) throws Exception {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/me")).GET()
                .header("Authorization", "DPoP " + token).header("DPoP", proof).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProofWithoutTheNonceIsChallengedAndTheNonceThenWorks() throws Exception {
        DPoPProofs key = DPoPProofs.ec();
        String token = TOKENS.token(AUDIENCE).scope("openid").claim("cnf", Map.of("jkt", key.jkt())).sign();

        HttpResponse<String> first = get(token, key.proof("GET", ME, token));

        assertEquals(401, first.statusCode(), first.body());
        assertTrue(first.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP error=\"use_dpop_nonce\""),
                first.headers().map().toString());
        String nonce = first.headers().firstValue("DPoP-Nonce").orElse(null);
        assertNotNull(nonce);
        HttpResponse<String> retried = get(token, key.builder("GET", ME).ath(token).nonce(nonce).sign());
        assertEquals(200, retried.statusCode(), retried.body());
    }
}
