package dev.verifier.registry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
 * Internal admin scopes only for {@code verifier_admin} clients with client_credentials only; admin APIs only for
 * service tokens with the registry's admin audience; {@code introspection_audiences} is stored as given.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminClientRegistrationTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    RegistryHttp http;

    @BeforeAll
    void setUp() {
        http = new RegistryHttp(server);
    }

    @Test
    void codeFlowClientWithUsersAdminScopeIsRefused() {
        Answer answer = http.post("/clients", TestTokens.admin(), "{\"redirect_uris\": [\"https://a.example/cb\"], "
                + "\"token_endpoint_auth_method\": \"none\", \"scope\": \"openid users.admin\"}");
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("invalid_client_metadata", answer.error());
        assertTrue(answer.description().contains("users.admin is internal"), answer.description());
    }

    @Test
    void clientCredentialsClientWithInternalScopeButNotVerifierAdminIsRefused() {
        Answer answer = http.post("/clients", TestTokens.admin(),
                "{\"grant_types\": [\"client_credentials\"], \"scope\": \"registry.read\"}");
        assertEquals(400, answer.status());
        assertEquals("invalid_client_metadata", answer.error());
        assertTrue(answer.description().contains("verifier_admin true"), answer.description());
    }

    @Test
    void verifierAdminCodeFlowClientIsRefused() {
        Answer answer = http.post("/clients", TestTokens.admin(), "{\"redirect_uris\": [\"https://a.example/cb\"], "
                + "\"grant_types\": [\"authorization_code\", \"client_credentials\"], \"verifier_admin\": true, "
                + "\"scope\": \"openid users.admin\"}");
        assertEquals(400, answer.status());
        assertEquals("invalid_client_metadata", answer.error());
        assertTrue(answer.description().contains("client_credentials] only"), answer.description());
    }

    @Test
    void verifierAdminClientCredentialsClientIsRegisteredWithItsFlag() {
        Answer answer = http.post("/clients", TestTokens.admin(), "{\"grant_types\": [\"client_credentials\"], "
                + "\"verifier_admin\": true, \"scope\": \"users.admin\"}");
        assertEquals(201, answer.status(), answer.body().toString());
        assertEquals(true, answer.body().get("verifier_admin"));
    }

    @Test
    void introspectionAudiencesAreStoredAndMustBeAbsoluteUris() {
        Answer ok = http.post("/clients", TestTokens.admin(), "{\"grant_types\": [\"client_credentials\"], "
                + "\"introspection_audiences\": [\"http://localhost:9003\"]}");
        assertEquals(201, ok.status(), ok.body().toString());
        assertEquals(List.of("http://localhost:9003"), ok.body().get("introspection_audiences"));
        Answer bad = http.post("/clients", TestTokens.admin(), "{\"grant_types\": [\"client_credentials\"], "
                + "\"introspection_audiences\": [\"orders\"]}");
        assertEquals(400, bad.status());
        assertTrue(bad.description().contains("introspection_audiences entries must be absolute URIs"),
                bad.description());
    }

    @Test
    void userTokenWithRegistryAdminScopeIsRefused() {
        String userToken = TestTokens.token().subject("alice-sub").claim("client_id", "admin-console").sign();
        Answer answer = http.get("/clients", userToken);
        assertEquals(403, answer.status());
        assertEquals("insufficient_scope", answer.error());
        assertEquals("the access token lacks the scope this resource requires", answer.description());
    }

    @Test
    void serviceTokenForTheRegistryBaseUrlInsteadOfItsAdminAudienceIsRefused() {
        String token = TestTokens.token().audience(TestTokens.REGISTRY).sign();
        assertEquals(403, http.get("/clients", token).status());
    }
}
