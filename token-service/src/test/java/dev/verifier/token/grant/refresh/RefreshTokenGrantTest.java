package dev.verifier.token.grant.refresh;

import static dev.verifier.token.support.Http.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.FakeUsers;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TestClock;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Refresh tokens: rotation, reuse detection, scope narrowing, idle and absolute lifetimes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "RefreshTokenGrantTest")
@Property(name = "test.clock", value = "mutable")
class RefreshTokenGrantTest extends TokenHttpTest {

    static final String SCOPE = "openid profile offline_access";

    @Inject
    CodeFlow flow;
    @Inject
    TestClock clock;
    @Inject
    FakeUsers users;

    TestClients.Client spa;

    @BeforeAll
    void setUp() {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        users.failWith(0);
    }

    String refreshToken(TestClients.Client client, String... headers) {
        Http.Answer answer = flow.tokens(http, client, SCOPE, headers);
        assertEquals(200, answer.status(), answer.raw().body());
        return answer.string("refresh_token");
    }

    Http.Answer refresh(TestClients.Client client, String token, String... extra) {
        return http.post("/token", TokenRequests.refresh(client, token, extra));
    }

    static void assertInvalidGrant(Http.Answer answer) {
        Refusals.assertInvalidGrant(answer, Refusals.REFRESH_TOKEN);
    }

    @Test
    void refreshRotatesTheTokenAndIssuesNewAccessAndIdTokens() throws Exception {
        String first = refreshToken(spa);

        Http.Answer answer = refresh(spa, first);

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("no-store", answer.header("Cache-Control"));
        assertNotNull(answer.string("refresh_token"));
        assertNotEquals(first, answer.string("refresh_token"));
        SignedJWT id = Jwts.verified(answer.string("id_token"), http.get("/jwks").json());
        assertNull(id.getJWTClaimsSet().getClaim("nonce"), "no nonce in a refreshed ID token");
        assertEquals(200, refresh(spa, answer.string("refresh_token")).status(), "the new token works");
    }

    /** The code exchange's answer for {@link #spa}: its refresh token and the user's subject. */
    Http.Answer exchanged() throws Exception {
        Http.Answer answer = flow.tokens(http, spa, SCOPE);
        assertEquals(200, answer.status(), answer.raw().body());
        return answer;
    }

    static String subject(Http.Answer answer) throws Exception {
        return SignedJWT.parse(answer.string("id_token")).getJWTClaimsSet().getSubject();
    }

    @Test
    void refreshedIdTokenCarriesTheUsersCurrentClaimsNotThoseOfTheFirstLogin() throws Exception {
        Http.Answer first = exchanged();
        assertEquals("Alice Example", SignedJWT.parse(first.string("id_token")).getJWTClaimsSet().getClaim("name"));
        String sub = subject(first);
        users.put(sub, Map.of("name", "Alice Renamed", "updated_at", 1767225600L,
                "address", Map.of("locality", "Springfield")));

        Http.Answer answer = refresh(spa, first.string("refresh_token"));

        assertEquals(200, answer.status(), answer.raw().body());
        JWTClaimsSet id = Jwts.verified(answer.string("id_token"), http.get("/jwks").json()).getJWTClaimsSet();
        assertEquals(sub, id.getSubject());
        assertEquals("Alice Renamed", id.getClaim("name"));
        assertEquals(1767225600L, id.getLongClaim("updated_at"));
        assertEquals(Map.of("locality", "Springfield"), id.getJSONObjectClaim("address"));
        FakeUsers.Call call = users.calls.get(users.calls.size() - 1);
        assertEquals(sub, call.subject());
        assertEquals(Set.of(SCOPE.split(" ")), Set.of(call.scope().split(" ")), "the grant's scope releases them");
        JWTClaimsSet bearer = SignedJWT.parse(call.authorization().substring("Bearer ".length())).getJWTClaimsSet();
        assertEquals("users.admin", bearer.getStringClaim("scope"));
        assertEquals(List.of("http://localhost:9000/admin"), bearer.getAudience());
        assertEquals(bearer.getSubject(), bearer.getStringClaim("client_id"), "a service token, never a user's");
    }

    @Test
    void refreshWhenTheUserNoLongerExistsThenInvalidGrant() throws Exception {
        Http.Answer first = exchanged();
        users.remove(subject(first));

        Http.Answer answer = refresh(spa, first.string("refresh_token"));

        Refusals.assertInvalidGrant(answer, "the user of this grant no longer exists or is disabled");
    }

    @Test
    void refreshWhenAuthorizeServiceFailsThenTemporarilyUnavailableAndTheTokenIsNotUsedUp() throws Exception {
        String token = exchanged().string("refresh_token");
        for (int status : new int[] {500, 404}) { // 404 without "no such user": a copy without the API yet
            users.failWith(status);

            Http.Answer failed = refresh(spa, token);

            assertEquals(503, failed.status(), status + ": " + failed.raw().body());
            assertEquals("temporarily_unavailable", failed.string("error"));
        }
        users.failWith(0);
        assertEquals(200, refresh(spa, token).status(), "not rotated by the failed attempt: no reuse");
    }

    @Test
    void reuseOfARotatedTokenRevokesTheWholeFamily() {
        String first = refreshToken(spa);
        String second = refresh(spa, first).string("refresh_token");

        try (AuditLog audit = AuditLog.start()) {
            assertInvalidGrant(refresh(spa, first));
            assertEquals("refresh_token_reuse", audit.reason("grant_family_revoked", spa.id()));
        }

        assertInvalidGrant(refresh(spa, second));
    }

    @Test
    void narrowedScopeIsGrantedAndTheGrantKeepsItsScope() throws Exception {
        String first = refreshToken(spa);

        Http.Answer narrowed = refresh(spa, first, "scope", "openid");

        assertEquals(200, narrowed.status(), narrowed.raw().body());
        assertEquals("openid", narrowed.string("scope"));
        JWTClaimsSet at = SignedJWT.parse(narrowed.string("access_token")).getJWTClaimsSet();
        assertEquals("openid", at.getStringClaim("scope"));
        Http.Answer again = refresh(spa, narrowed.string("refresh_token"));
        assertEquals(Set.of(SCOPE.split(" ")), Set.of(again.string("scope").split(" ")));
    }

    @Test
    void widenedScopeIsRefused() {
        String first = refreshToken(spa);

        Http.Answer answer = refresh(spa, first, "scope", "openid email");

        assertEquals(400, answer.status());
        assertEquals("invalid_scope", answer.string("error"));
        assertEquals("the scope may be narrowed, never widened", answer.string("error_description"));
        assertEquals(200, refresh(spa, first).status(), "a refused request does not use up the token");
    }

    @Test
    void anotherClientCannotUseTheToken() {
        String first = refreshToken(spa);
        TestClients.Client other = clients.register("none", SCOPE, "authorization_code", "refresh_token");

        assertInvalidGrant(refresh(other, first));
        assertEquals(200, refresh(spa, first).status());
    }

    @Test
    void offlineAccessRefreshTokenWorksWithoutTheRefreshTokenGrant() {
        TestClients.Client codeOnly = clients.register("none", SCOPE, "authorization_code");
        String token = refreshToken(codeOnly);

        assertEquals(200, refresh(codeOnly, token).status());
    }

    @Test
    void clientCredentialsClientCannotUseTheRefreshGrant() {
        TestClients.Client service = clients.register("client_secret_basic", "api", "client_credentials");
        Http.Answer answer = http.post("/token", TokenRequests.refresh(service, "whatever"),
                "Authorization", basic(service.id(), service.secret()));
        assertEquals(400, answer.status());
        assertEquals("unauthorized_client", answer.string("error"));
        assertEquals("the client may not use grant_type refresh_token", answer.string("error_description"));
    }

    @Test
    void unknownTokenThenInvalidGrant() {
        assertInvalidGrant(refresh(spa, "not-a-refresh-token"));
    }

    @Test
    void idleTokenExpiresAfterTheIdleLifetime() {
        String first = refreshToken(spa);

        clock.advance(Duration.ofDays(14).plusMinutes(1));

        assertInvalidGrant(refresh(spa, first));
    }

    @Test
    void activeGrantStillEndsAtTheAbsoluteLifetime() {
        String token = refreshToken(spa);
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofDays(13));
            Http.Answer answer = refresh(spa, token);
            assertEquals(200, answer.status(), "used within the idle lifetime, day " + (i + 1) * 13);
            token = answer.string("refresh_token");
        }
        clock.advance(Duration.ofDays(13));   // day 91 > 90, though only 13 days idle

        assertInvalidGrant(refresh(spa, token));
    }

    @Test
    void confidentialClientsTokensRotateByDefault() {
        TestClients.Client web = clients.register("client_secret_basic", SCOPE, "authorization_code",
                "refresh_token");
        String auth = basic(web.id(), web.secret());
        String first = refreshToken(web, "Authorization", auth);

        Http.Answer answer = http.post("/token", TokenRequests.refresh(web, first), "Authorization", auth);

        assertEquals(200, answer.status(), answer.raw().body());
        assertNotEquals(first, answer.string("refresh_token"));
    }
}
