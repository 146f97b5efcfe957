package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /apis} authorizes like {@code /clients}: changes need {@code registry.admin}, reads {@code registry.admin} or
 * {@code registry.read}, and either counts only in a token with the registry's admin audience issued to a client for
 * itself (never a user token, never a token for the registry's base URL).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAdminAuthTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;
    String existing;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
        existing = http.post("/apis", TestTokens.admin(), TestApis.unique().body()).string("id");
    }

    @Test
    void withoutATokenEveryRouteAnswers401() {
        for (Answer answer : new Answer[] {http.get("/apis", null), http.get("/apis/" + existing, null),
                http.post("/apis", null, TestApis.unique().body()), http.put("/apis/" + existing, null, "{}"),
                http.delete("/apis/" + existing, null)}) {
            assertEquals(401, answer.status());
            assertEquals("invalid_token", answer.error());
        }
    }

    @Test
    void readScopeReadsButChangesNothing() {
        String reader = TestTokens.reader();
        assertEquals(200, http.get("/apis", reader).status());
        assertEquals(200, http.get("/apis/" + existing, reader).status());
        assertForbidden(http.post("/apis", reader, TestApis.unique().body()));
        assertForbidden(http.put("/apis/" + existing, reader, TestApis.unique().body()));
        assertForbidden(http.delete("/apis/" + existing, reader));
        assertEquals(200, http.get("/apis/" + existing, reader).status(), "still there");
    }

    @Test
    void userTokenWithRegistryAdminScopeIsRefused() {
        String userToken = TestTokens.token().subject("alice-sub").claim("client_id", "admin-console").sign();
        assertForbidden(http.post("/apis", userToken, TestApis.unique().body()));
        assertForbidden(http.get("/apis", userToken));
    }

    @Test
    void serviceTokenForTheRegistryBaseUrlInsteadOfItsAdminAudienceIsRefused() {
        String token = TestTokens.token().audience(TestTokens.REGISTRY).sign();
        assertForbidden(http.post("/apis", token, TestApis.unique().body()));
        assertForbidden(http.delete("/apis/" + existing, token));
    }

    @Test
    void tokenWithAnotherScopeIsRefused() {
        String token = TestTokens.token().scope("users.admin keys.admin").sign();
        assertForbidden(http.get("/apis", token));
        assertForbidden(http.post("/apis", token, TestApis.unique().body()));
    }

    @Test
    void tokenForAnotherAudienceIsInvalid() {
        Answer answer = http.get("/apis", TestTokens.token().audience("http://localhost:9003").sign());
        assertEquals(401, answer.status());
        assertEquals("invalid_token", answer.error());
    }

    private static void assertForbidden(Answer answer) {
        assertEquals(403, answer.status(), answer.body().toString());
        assertEquals("insufficient_scope", answer.error());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer error=\"insufficient_scope\""));
    }
}
