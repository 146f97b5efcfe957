package dev.verifier.resource.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.verifier.resource.support.ResourceApiTest;
import dev.verifier.testsupport.TestTokenIssuer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A token whose signature resource-api already checked is not checked again, but only while its key is still in
 * token-service's JWKS: once the key is gone, the same token is refused although it was accepted before. Its own
 * token issuer, because this test takes keys away.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifiedTokensTest implements ResourceApiTest {

    private static final TestTokenIssuer OWN_TOKENS = new TestTokenIssuer(ISSUER);

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(ResourceApiTest.super.getProperties());
        props.put("verifier.urls.token-service", OWN_TOKENS.baseUrl());
        return props;
    }

    @AfterAll
    void stopIssuer() {
        OWN_TOKENS.close();
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItsKeyLeavesTheJwks() throws Exception {
        String token = OWN_TOKENS.token(AUDIENCE).sign();
        assertEquals(200, me(token).statusCode());
        assertEquals(200, me(token).statusCode(), "the second time from the tokens found signed");

        OWN_TOKENS.rotate();
        OWN_TOKENS.retireOldKeys();
        assertEquals(200, me(OWN_TOKENS.token(AUDIENCE).sign()).statusCode(), "the new key, after one refetch");

        HttpResponse<String> refused = me(token);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    private HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/api/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
