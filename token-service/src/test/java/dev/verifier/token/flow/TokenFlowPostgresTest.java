package dev.verifier.token.flow;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.SharedPostgres;
import dev.verifier.token.support.ClientAssertions;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole back channel on a real PostgreSQL 15: the native statements (insert-if-absent, atomic consume and
 * rotate, family revocation by INSERT ... SELECT) behave there as on H2.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "TokenFlowPostgresTest")
class TokenFlowPostgresTest extends TokenHttpTest {

    static final String SCOPE = "openid profile offline_access";

    @Inject
    CodeFlow flow;
    @Inject
    VerifierUrls urls;

    TestClients.Client web;
    String auth;

    @Override
    public Map<String, String> extraProperties() {
        return SharedPostgres.properties("token_flow");
    }

    @BeforeAll
    void setUp() {
        web = clients.register("client_secret_basic", SCOPE, "authorization_code", "refresh_token");
        auth = basic(web.id(), web.secret());
    }

    Http.Answer introspect(String token) {
        return http.post("/introspect", form("token", token), "Authorization", auth);
    }

    @Test
    void codeRefreshReuseAndRevocationOnPostgres() {
        Codes codes = flow.publish(web, SCOPE);
        Http.Answer first = http.post("/token", TokenRequests.code(web, codes), "Authorization", auth);
        assertEquals(200, first.status(), first.raw().body());

        Http.Answer refreshed = http.post("/token", TokenRequests.refresh(web, first.string("refresh_token")),
                "Authorization", auth);
        assertEquals(200, refreshed.status(), refreshed.raw().body());
        assertEquals(true, introspect(refreshed.string("access_token")).json().get("active"));

        Http.Answer reuse = http.post("/token", TokenRequests.refresh(web, first.string("refresh_token")),
                "Authorization", auth);
        Refusals.assertInvalidGrant(reuse, Refusals.REFRESH_TOKEN);
        assertEquals(false, introspect(refreshed.string("access_token")).json().get("active"));
        assertEquals(false, introspect(first.string("access_token")).json().get("active"));

        Refusals.assertInvalidGrant(http.post("/token", TokenRequests.code(web, codes), "Authorization", auth),
                Refusals.CODE);
    }

    @Test
    void assertionJtiReplayIsCaughtOnPostgres() {
        TestClients.Client jwt = clients.register("client_secret_jwt", "api", "client_credentials");
        String assertion = ClientAssertions.forClient(jwt.id(), urls.tokenEndpoint().toString())
                .hmac(JWSAlgorithm.HS256, jwt.secret().getBytes(StandardCharsets.UTF_8));
        var request = form("grant_type", "client_credentials", "client_assertion_type", ClientCredentials.JWT_BEARER,
                "client_assertion", assertion);

        assertEquals(200, http.post("/token", request).status());
        assertEquals(401, http.post("/token", request).status());
    }

    @Test
    void signingKeysAreCreatedAndServedFromPostgres() {
        Http.Answer jwks = http.get("/jwks");
        assertEquals(200, jwks.status());
        assertEquals(2, ((java.util.List<?>) jwks.json().get("keys")).size());
    }
}
