package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The admin API validates bearer access tokens like any Verifier resource server (dev.verifier.shared.security):
 * RFC 9068 typ, signature via the token-service JWKS, iss, aud, exp/nbf with bounded skew, and the scope.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAuthTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @BeforeAll
    void http() {
        http = new RegistryHttp(server);
    }

    @Test
    void validAtJwtAdminTokenIsAccepted() {
        Answer answer = http.get("/clients", TestTokens.admin());
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void noTokenAnswers401WithBearerChallengeWithoutErrorCode() {
        Answer answer = http.get("/clients", null);
        assertEquals(401, answer.status());
        assertEquals("Bearer", answer.header("WWW-Authenticate"));
        assertEquals("invalid_token", answer.error());
    }

    @Test
    void badSignatureAnswersInvalidToken() {
        assertInvalidToken(TestTokens.token().signedWithUnpublishedKey().sign());
    }

    @Test
    void expiredTokenAnswersInvalidToken() {
        assertInvalidToken(TestTokens.token().expiresAt(Instant.now().minusSeconds(120)).sign());
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsStillAccepted() {
        String token = TestTokens.token().expiresAt(Instant.now().minusSeconds(5)).sign();
        assertEquals(200, http.get("/clients", token).status());
    }

    @Test
    void tokenNotYetValidBeyondTheSkewAnswersInvalidToken() {
        assertInvalidToken(TestTokens.token().notBefore(Instant.now().plusSeconds(600)).sign());
    }

    @Test
    void wrongIssuerAnswersInvalidToken() {
        assertInvalidToken(TestTokens.token().issuer("https://evil.example").sign());
    }

    @Test
    void tokenForAnotherAudienceAnswersInvalidToken() {
        assertInvalidToken(TestTokens.token().audience("http://localhost:9003").sign());
    }

    @Test
    void idTokenTypeJwtPresentedAsAccessTokenIsRefused() {
        assertInvalidToken(TestTokens.token().type("JWT").sign());
    }

    @Test
    void tokenWithoutTypIsRefused() {
        assertInvalidToken(TestTokens.token().type(null).sign());
    }

    @Test
    void applicationAtJwtTypeIsAccepted() {
        assertEquals(200, http.get("/clients", TestTokens.token().type("application/at+jwt").sign()).status());
    }

    @Test
    void garbageTokenAnswersInvalidToken() {
        assertInvalidToken("not-a-jwt");
    }

    @Test
    void wrongScopeAnswers403InsufficientScope() {
        Answer answer = http.get("/clients", TestTokens.token().scope("openid users.admin").sign());
        assertEquals(403, answer.status());
        assertEquals("insufficient_scope", answer.error());
        assertEquals("the access token lacks the scope this resource requires", answer.description());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer error=\"insufficient_scope\""),
                answer.header("WWW-Authenticate"));
    }

    @Test
    void readScopeAloneCannotUseTheAdminApi() {
        assertEquals(403, http.get("/clients", TestTokens.reader()).status());
        assertEquals(403, http.post("/clients", TestTokens.reader(), "{}").status());
    }

    @Test
    void healthAndMetricsStayAnonymous() {
        assertEquals(200, http.get("/health/liveness", null).status());
        assertEquals(200, http.get("/prometheus", null).raw().statusCode());
    }

    private void assertInvalidToken(String token) {
        Answer answer = http.get("/clients", token);
        assertEquals(401, answer.status(), answer.body().toString());
        assertEquals("invalid_token", answer.error());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\""),
                answer.header("WWW-Authenticate"));
    }
}
