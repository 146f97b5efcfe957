package dev.verifier.token.endpoint;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.testsupport.PrometheusText;
import dev.verifier.token.support.FakeRegistry;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The /token pipeline with the client_credentials grant, as the bootstrap admin client uses it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "TokenEndpointTest")
class TokenEndpointTest extends TokenHttpTest {

    @Inject
    FakeRegistry registry;
    @Inject
    VerifierUrls urls;

    TestClients.Client admin;

    @BeforeAll
    void setUp() {
        admin = clients.register("client_secret_basic", "registry.admin registry.read users.admin",
                "client_credentials");
    }

    Http.Answer adminToken(String... extra) {
        List<String[]> form = form("grant_type", "client_credentials");
        form.addAll(form(extra));
        return http.post("/token", form, "Authorization", basic(admin.id(), admin.secret()));
    }

    @Test
    void clientCredentialsWithBasicThenSignedAccessTokenPerRfc9068() throws Exception {
        Http.Answer answer = adminToken("scope", "registry.admin");

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("no-store", answer.header("Cache-Control"));
        assertEquals("Bearer", answer.string("token_type"));
        assertEquals("registry.admin", answer.string("scope"));
        assertNull(answer.json().get("refresh_token"));
        SignedJWT jwt = Jwts.verified(answer.string("access_token"), http.get("/jwks").json());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        var claims = jwt.getJWTClaimsSet();
        assertEquals(urls.issuerId(), claims.getIssuer());
        assertEquals(admin.id(), claims.getSubject());
        assertEquals(admin.id(), claims.getStringClaim("client_id"));
        assertEquals(List.of(VerifierUrls.strip(urls.registry()) + "/admin"), claims.getAudience());
        assertEquals("registry.admin", claims.getStringClaim("scope"));
        assertNotNull(claims.getJWTID());
        assertEquals(600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void clientCredentialsWithoutScopeThenRegisteredScopeAndAudiencesPerRule() throws Exception {
        Http.Answer answer = adminToken();

        assertEquals(200, answer.status(), answer.raw().body());
        var claims = SignedJWT.parse(answer.string("access_token")).getJWTClaimsSet();
        assertEquals("registry.admin registry.read users.admin", claims.getStringClaim("scope"));
        assertEquals(java.util.Set.of(VerifierUrls.strip(urls.registry()) + "/admin", urls.issuerId() + "/admin"),
                java.util.Set.copyOf(claims.getAudience()));
        assertFalse(claims.getAudience().contains(urls.issuerId()), "an admin token never carries the issuer");
    }

    @Test
    void registryIsCalledWithSelfSignedRegistryReadToken() throws Exception {
        clients.register("client_secret_basic", "x", "client_credentials");
        adminToken();
        String authorization = registry.calls.get(registry.calls.size() - 1).authorization();
        assertNotNull(authorization);

        SignedJWT jwt = Jwts.verified(authorization.substring("Bearer ".length()), http.get("/jwks").json());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals("registry.read", jwt.getJWTClaimsSet().getStringClaim("scope"));
        assertEquals("token-service", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of(VerifierUrls.strip(urls.registry()) + "/admin"), jwt.getJWTClaimsSet().getAudience());
    }

    @Test
    void internalScopeForAClientNotRegisteredVerifierAdminThenInvalidScope() {
        TestClients.Client plain = clients.registerWithoutAdminFlag("users.admin");
        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials", "scope", "users.admin"),
                "Authorization", basic(plain.id(), plain.secret()));

        assertEquals(400, answer.status());
        assertEquals("invalid_scope", answer.string("error"));
        assertEquals("internal scopes are granted only to verifier_admin clients", answer.string("error_description"));
    }

    @Test
    void wrongSecretThen401InvalidClientWithChallenge() {
        try (AuditLog audit = AuditLog.start()) {
            Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                    "Authorization", basic(admin.id(), admin.secret() + "x"));

            assertEquals(401, answer.status());
            assertEquals("invalid_client", answer.string("error"));
            assertEquals("Basic realm=\"verifier\"", answer.header("WWW-Authenticate"));
            assertEquals("no-store", answer.header("Cache-Control"));
            assertEquals("secret_mismatch", audit.reason("client_auth_failed", admin.id()));
        }
    }

    @Test
    void unknownClientThen401InvalidClient() {
        try (AuditLog audit = AuditLog.start()) {
            Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                    "Authorization", basic("nobody", "secret"));

            assertEquals(401, answer.status());
            assertEquals("invalid_client", answer.string("error"));
            assertEquals("unknown_client", audit.reason("client_auth_failed", "nobody"));
        }
    }

    @Test
    void duplicateParameterThenInvalidRequest() {
        Http.Answer answer = adminToken("scope", "registry.read", "scope", "registry.admin");

        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.string("error"));
        assertEquals("parameter scope is repeated", answer.string("error_description"));
    }

    @Test
    void missingGrantTypeThenInvalidRequest() {
        Http.Answer answer = http.post("/token", form("scope", "x"), "Authorization", basic(admin.id(), admin.secret()));

        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.string("error"));
        assertEquals("grant_type is required", answer.string("error_description"));
    }

    @Test
    void emptyOrMalformedBodyThenInvalidRequest() {
        Http.Answer empty = http.post("/token", List.of());
        assertEquals(400, empty.status());
        assertEquals("invalid_request", empty.string("error"));
        assertEquals("grant_type is required", empty.string("error_description"));

        Http.Answer malformed = http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=%zz&client_id=x")).build());
        assertEquals(400, malformed.status());
        assertEquals("invalid_request", malformed.string("error"));
        assertEquals("the form body is not valid form-urlencoding", malformed.string("error_description"));
    }

    @Test
    void malformedBasicHeaderThenInvalidClient() {
        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", "Basic !!!not-base64");
        assertEquals(401, answer.status());
        assertEquals("invalid_client", answer.string("error"));
        assertEquals("client authentication failed", answer.string("error_description"));
    }

    @Test
    void unknownGrantTypeThenUnsupportedGrantType() {
        Http.Answer answer = http.post("/token", form("grant_type", "password"),
                "Authorization", basic(admin.id(), admin.secret()));

        assertEquals(400, answer.status());
        assertEquals("unsupported_grant_type", answer.string("error"));
        assertEquals("grant_type is not supported", answer.string("error_description"));
    }

    /** RFC 6749 §3.2: a parameter without a value is omitted, so it is no second authentication method (as at /par). */
    @Test
    void emptyClientSecretBesideBasicIsOmitted() {
        Http.Answer answer = adminToken("client_secret", "");

        assertEquals(200, answer.status(), answer.raw().body());
    }

    @Test
    void grantNotRegisteredForClientThenUnauthorizedClient() {
        TestClients.Client web = clients.register("client_secret_basic", "openid", "authorization_code");

        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(web.id(), web.secret()));

        assertEquals(400, answer.status());
        assertEquals("unauthorized_client", answer.string("error"));
        assertEquals("the client may not use grant_type client_credentials", answer.string("error_description"));
    }

    @Test
    void scopeBeyondRegisteredThenInvalidScope() {
        Http.Answer answer = adminToken("scope", "registry.admin keys.admin");

        assertEquals(400, answer.status());
        assertEquals("invalid_scope", answer.string("error"));
        assertEquals("the scope asked is not registered for this client", answer.string("error_description"));
    }

    @Test
    void clientCredentialsWithoutScopeFromClientWithOnlyUserScopesThenInvalidScopeNamingWhy() {
        TestClients.Client userScopesOnly = clients.register("client_secret_basic", "openid profile offline_access",
                "client_credentials");

        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(userScopesOnly.id(), userScopesOnly.secret()));

        assertEquals(400, answer.status());
        assertEquals("invalid_scope", answer.string("error"));
        assertEquals("no scope was asked and this client has no registered scope usable without a user "
                + "(client_credentials cannot carry address email offline_access openid phone profile)",
                answer.string("error_description"));
    }

    @Test
    void clientCredentialsWithoutScopeThenRegisteredScopesButUserScopes() {
        TestClients.Client mixed = clients.register("client_secret_basic", "openid notes.read", "client_credentials");

        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(mixed.id(), mixed.secret()));

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("notes.read", answer.string("scope"));
    }

    @Test
    void clientCredentialsAskingUserScopeThenInvalidScopeNamingWhy() {
        TestClients.Client mixed = clients.register("client_secret_basic", "openid notes.read", "client_credentials");

        Http.Answer answer = http.post("/token", form("grant_type", "client_credentials", "scope", "openid"),
                "Authorization", basic(mixed.id(), mixed.secret()));

        assertEquals(400, answer.status());
        assertEquals("invalid_scope", answer.string("error"));
        assertEquals("client_credentials tokens have no user: the scopes address email offline_access openid phone "
                + "profile cannot be asked", answer.string("error_description"));
    }

    @Test
    void issuedTokensAndFailuresAreCountedInPrometheus() {
        adminToken();
        http.post("/token", form("grant_type", "password"), "Authorization", basic(admin.id(), admin.secret()));

        var metrics = PrometheusText.parse(http.get("/prometheus").raw().body());

        assertTrue(metrics.sum("verifier_tokens_issued_total", "grant_type", "client_credentials",
                "client_id", admin.id()) >= 1);
        assertTrue(metrics.sum("verifier_token_failures_total", "error", "unsupported_grant_type") >= 1);
    }

    @Test
    void jsonBodyIsRefused() {
        Http.Answer answer = http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/token"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                .build());

        assertEquals(415, answer.status());
        assertTrue(answer.json().containsKey("error"));
    }
}
