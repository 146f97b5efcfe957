package dev.verifier.token.grant.resource;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.FakeRegistry;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RFC 8707 at /token for every grant: the access token's audience is the granted resources (or the API owning the
 * scope), a {@code resource} at /token down-scopes to one granted API, one not granted is {@code invalid_target}; the
 * token's scope holds only its audience's scopes; the API's access-token lifetime sets {@code exp}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ResourceIndicatorsTest")
class ResourceIndicatorsTest extends TokenHttpTest {

    static final String NOTES = FakeRegistry.DEFAULT_API;
    static final String ORDERS = "https://orders.example";
    static final String MACHINES = "https://machines.example";
    static final String SCOPE = "openid offline_access notes.read orders.read";

    @Inject
    FakeRegistry registry;
    @Inject
    CodeFlow flow;

    TestClients.Client web;
    TestClients.Client service;

    @BeforeAll
    void setUp() {
        registry.putApi(FakeRegistry.api(ORDERS, 120, true, true, "orders.read"));
        registry.putApi(FakeRegistry.api(MACHINES, null, false, false, "machines.run"));
        web = clients.register("client_secret_basic", SCOPE, "authorization_code", "refresh_token");
        service = clients.register("client_secret_basic", "notes.read orders.read machines.run",
                "client_credentials");
    }

    @Test
    void codeGrantedForTwoResourcesGivesOneTokenForBothWithTheIssuerForOpenid() throws Exception {
        Http.Answer answer = flow.tokens(http, web, granted(SCOPE, NOTES, ORDERS));

        JWTClaimsSet at = claims(answer);
        assertEquals(List.of("http://localhost:9000", NOTES, ORDERS), at.getAudience());
        assertEquals(Scopes.parse(SCOPE), Scopes.parse(at.getStringClaim("scope")));
        assertEquals(120, lifetime(at), "the shortest of the audiences' lifetimes (orders: 120 s)");
        assertEquals(120L, ((Number) answer.json().get("expires_in")).longValue());
    }

    @Test
    void resourceAtTokenDownScopesToThatApiAndItsScopesOnly() throws Exception {
        Codes codes = granted(SCOPE, NOTES, ORDERS);
        Http.Answer answer = flow.tokens(http, web, codes, ORDERS);

        JWTClaimsSet at = claims(answer);
        assertEquals(List.of(ORDERS), at.getAudience());
        assertEquals("orders.read", at.getStringClaim("scope"));
        assertEquals("orders.read", answer.string("scope"));
        assertEquals(120, lifetime(at));
    }

    @Test
    void refreshMayDownScopeToAnotherGrantedResource() throws Exception {
        Http.Answer first = flow.tokens(http, web, granted(SCOPE, NOTES, ORDERS));
        Http.Answer refreshed = http.post("/token", TokenRequests.refresh(web, first.string("refresh_token"),
                "resource", NOTES), "Authorization", basic(web.id(), web.secret()));

        JWTClaimsSet at = claims(refreshed);
        assertEquals(List.of(NOTES), at.getAudience());
        assertEquals("notes.read", at.getStringClaim("scope"));
    }

    @Test
    void resourceNotGrantedIsInvalidTargetAtCodeAndRefresh() {
        Http.Answer code = flow.tokens(http, web, granted("openid notes.read", NOTES), ORDERS);
        assertRefused(code, "invalid_target",
                "resource https://orders.example was not granted by the authorization this grant comes from");

        Http.Answer first = flow.tokens(http, web, granted("openid offline_access notes.read", NOTES));
        Http.Answer refreshed = http.post("/token", TokenRequests.refresh(web, first.string("refresh_token"),
                "resource", ORDERS), "Authorization", basic(web.id(), web.secret()));
        assertRefused(refreshed, "invalid_target",
                "resource https://orders.example was not granted by the authorization this grant comes from");
    }

    @Test
    void eventWithoutResourcesFromAnEarlierReleaseIsForTheApiOwningTheScope() throws Exception {
        Http.Answer answer = flow.tokens(http, web, Codes.forClient(web.id(), "openid orders.read"));

        assertEquals(List.of("http://localhost:9000", ORDERS), claims(answer).getAudience());
    }

    @Test
    void malformedResourceIsInvalidTarget() {
        assertRefused(flow.tokens(http, web, granted("openid notes.read", NOTES), "/relative"), "invalid_target",
                "resource must be an absolute URI (RFC 8707 section 2)");
        assertRefused(clientCredentials("resource", "https://api.example/#f"), "invalid_target",
                "resource must not contain a fragment (RFC 8707 section 2)");
    }

    @Test
    void clientCredentialsWithResourceGetsThatApiAndTheClientsScopesOfIt() throws Exception {
        Http.Answer answer = clientCredentials("resource", ORDERS);

        JWTClaimsSet at = claims(answer);
        assertEquals(List.of(ORDERS), at.getAudience());
        assertEquals("orders.read", at.getStringClaim("scope"));
        assertEquals(120, lifetime(at));
    }

    @Test
    void clientCredentialsByScopeIsForTheApiOwningIt() throws Exception {
        JWTClaimsSet at = claims(clientCredentials("scope", "notes.read"));

        assertEquals(List.of(NOTES), at.getAudience());
        assertEquals("notes.read", at.getStringClaim("scope"));
    }

    @Test
    void clientCredentialsForScopesOfTwoApisWithoutResourceIsInvalidScope() {
        assertRefused(clientCredentials("scope", "notes.read orders.read"), "invalid_scope",
                "the scopes asked belong to 2 APIs (http://localhost:9003, https://orders.example): ask for one "
                        + "API's scopes, or name each API with resource (RFC 8707) to get one token for all of them");
    }

    @Test
    void clientCredentialsForBothApisNamedGetsBoth() throws Exception {
        JWTClaimsSet at = claims(clientCredentials("scope", "notes.read orders.read", "resource", NOTES,
                "resource", ORDERS));

        assertEquals(List.of(NOTES, ORDERS), at.getAudience());
    }

    @Test
    void clientCredentialsForAnApiThatRefusesThemIsInvalidTarget() {
        assertRefused(clientCredentials("resource", MACHINES), "invalid_target",
                "resource https://machines.example does not accept client_credentials tokens");
    }

    @Test
    void unknownResourceIsInvalidTarget() {
        assertRefused(clientCredentials("resource", "https://nowhere.example"), "invalid_target",
                "resource https://nowhere.example is not a registered API");
    }

    @Test
    void resourceOfWhichTheClientHoldsNoScopeIsInvalidTarget() {
        registry.putApi(FakeRegistry.api("https://other.example", null, true, true, "other.read"));
        assertRefused(clientCredentials("resource", "https://other.example"), "invalid_target",
                "this client is not registered for any scope of resource https://other.example");
    }

    private Codes granted(String scope, String... resources) {
        return Codes.forClient(web.id(), scope).withResources(List.of(resources));
    }

    private Http.Answer clientCredentials(String... params) {
        List<String[]> body = new ArrayList<>(form("grant_type", "client_credentials"));
        body.addAll(form(params));
        return http.post("/token", body, "Authorization", basic(service.id(), service.secret()));
    }

    private JWTClaimsSet claims(Http.Answer answer) throws Exception {
        assertEquals(200, answer.status(), answer.raw().body());
        return Jwts.verified(answer.string("access_token"), http.get("/jwks").json()).getJWTClaimsSet();
    }

    private static long lifetime(JWTClaimsSet at) {
        return (at.getExpirationTime().getTime() - at.getIssueTime().getTime()) / 1000;
    }

    private static void assertRefused(Http.Answer answer, String error, String description) {
        assertEquals(400, answer.status(), answer.raw().body());
        assertEquals(error, answer.string("error"));
        assertEquals(description, answer.string("error_description"));
    }
}
