package dev.verifier.token.introspect;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TestClock;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.verify.RevocationList;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** RFC 7662 introspection and RFC 7009 revocation. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "IntrospectionAndRevocationTest")
@Property(name = "test.clock", value = "mutable")
class IntrospectionAndRevocationTest extends TokenHttpTest {

    // notes.read: the access token is then also for resource-api, whose resource server introspects it
    static final String SCOPE = "openid profile offline_access notes.read";

    @Inject
    CodeFlow flow;
    @Inject
    TestClock clock;
    @Inject
    VerifierUrls urls;
    @Inject
    RevocationList revocations;

    TestClients.Client web;
    String webAuth;
    TestClients.Client api;
    String apiAuth;

    @BeforeAll
    void setUp() {
        web = clients.register("client_secret_basic", SCOPE, "authorization_code", "refresh_token");
        webAuth = basic(web.id(), web.secret());
        api = clients.registerResourceServer(VerifierUrls.strip(urls.resourceApi()));
        apiAuth = basic(api.id(), api.secret());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Http.Answer tokens() {
        Http.Answer answer = flow.tokens(http, web, SCOPE, "Authorization", webAuth);
        assertEquals(200, answer.status(), answer.raw().body());
        return answer;
    }

    Http.Answer introspect(String token, String authorization) {
        return http.post("/introspect", form("token", token), "Authorization", authorization);
    }

    static void assertInactive(Http.Answer answer) {
        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals(Map.of("active", false), answer.json());
    }

    @Test
    void accessTokenIsActiveForItsClientWithItsClaims() throws Exception {
        Http.Answer tokens = tokens();

        Http.Answer answer = introspect(tokens.string("access_token"), webAuth);

        assertEquals(200, answer.status());
        assertEquals("no-store", answer.header("Cache-Control"));
        assertEquals(true, answer.json().get("active"));
        var claims = SignedJWT.parse(tokens.string("access_token")).getJWTClaimsSet();
        assertEquals(claims.getSubject(), answer.string("sub"));
        assertEquals(web.id(), answer.string("client_id"));
        assertEquals(claims.getStringClaim("scope"), answer.string("scope"));
        assertEquals(claims.getExpirationTime().toInstant().getEpochSecond(),
                ((Number) answer.json().get("exp")).longValue());
        assertEquals(urls.issuerId(), answer.string("iss"));
    }

    @Test
    void accessTokenIsActiveForAResourceServerInItsAudience() {
        assertEquals(true, introspect(tokens().string("access_token"), apiAuth).json().get("active"));
    }

    @Test
    void accessTokenIsInactiveForAnotherAudience() {
        TestClients.Client elsewhere = clients.registerResourceServer("https://other-api.example");
        assertInactive(introspect(tokens().string("access_token"), basic(elsewhere.id(), elsewhere.secret())));
    }

    @Test
    void accessTokenIsInactiveForAClientWhoseClientUriIsTheAudience() {
        TestClients.Client lookalike = clients.registerWithClientUri(VerifierUrls.strip(urls.resourceApi()));
        assertInactive(introspect(tokens().string("access_token"), basic(lookalike.id(), lookalike.secret())));
        TestClients.Client issuerLookalike = clients.registerWithClientUri(urls.issuerId());
        assertInactive(introspect(tokens().string("access_token"),
                basic(issuerLookalike.id(), issuerLookalike.secret())));
    }

    @Test
    void expiredAccessTokenIsInactive() {
        String access = tokens().string("access_token");
        assertEquals(true, introspect(access, webAuth).json().get("active"), "its signature is now remembered");
        clock.advance(Duration.ofMinutes(11));
        assertInactive(introspect(access, webAuth));
    }

    @Test
    void unknownAndMalformedTokensAreInactive() {
        assertInactive(introspect("eyJhbGciOiJub25lIn0.e30.", webAuth));
        assertInactive(introspect("not-a-token", webAuth));
    }

    @Test
    void idTokenIsNotAnActiveAccessToken() {
        assertInactive(introspect(tokens().string("id_token"), webAuth));
    }

    @Test
    void introspectionRequiresClientAuthentication() {
        String access = tokens().string("access_token");
        Http.Answer anonymous = http.post("/introspect", form("token", access));
        assertEquals(401, anonymous.status());
        assertEquals("invalid_client", anonymous.string("error"));
        TestClients.Client spa = clients.register("none", SCOPE, "authorization_code");
        assertEquals(401, http.post("/introspect", form("token", access, "client_id", spa.id())).status());
        try (AuditLog audit = AuditLog.start()) {
            assertEquals(401, introspect(access, basic(web.id(), "wrong")).status());
            assertEquals("secret_mismatch", audit.reason("client_auth_failed", web.id()));
        }
    }

    @Test
    void refreshTokenIsActiveForItsClientOnly() {
        String refresh = tokens().string("refresh_token");

        Http.Answer answer = introspect(refresh, webAuth);

        assertEquals(true, answer.json().get("active"));
        assertEquals("refresh_token", answer.string("token_type"));
        assertEquals(web.id(), answer.string("client_id"));
        assertInactive(introspect(refresh, apiAuth));
    }

    @Test
    void revokedAccessTokenIsInactive() {
        String access = tokens().string("access_token");
        assertEquals(true, introspect(access, webAuth).json().get("active"), "its signature is now remembered");

        Http.Answer revoke = http.post("/revoke", form("token", access, "token_type_hint", "access_token"),
                "Authorization", webAuth);

        assertEquals(200, revoke.status());
        assertInactive(introspect(access, webAuth));
    }

    /** Validators accept an access token up to the access-token clock skew (30 s) past its expiry: so does /revoke. */
    @Test
    void anAccessTokenJustPastItsExpiryIsRevokedAndOneLongExpiredIsNot() throws Exception {
        SignedJWT justExpired = SignedJWT.parse(tokens().string("access_token"));
        SignedJWT longExpired = SignedJWT.parse(tokens().string("access_token"));
        clock.advance(Duration.between(clock.instant(), justExpired.getJWTClaimsSet().getExpirationTime().toInstant())
                .plusSeconds(10));

        assertEquals(200, http.post("/revoke", form("token", justExpired.serialize()), "Authorization", webAuth)
                .status());
        assertTrue(revocations.isRevoked(justExpired.getJWTClaimsSet().getJWTID()));

        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, http.post("/revoke", form("token", longExpired.serialize()), "Authorization", webAuth)
                .status());
        assertFalse(revocations.isRevoked(longExpired.getJWTClaimsSet().getJWTID()), "no validator accepts it");
    }

    @Test
    void revokedRefreshTokenRevokesItsFamily() {
        Http.Answer tokens = tokens();

        assertEquals(200, http.post("/revoke", form("token", tokens.string("refresh_token")),
                "Authorization", webAuth).status());

        assertInactive(introspect(tokens.string("refresh_token"), webAuth));
        assertInactive(introspect(tokens.string("access_token"), webAuth));
        Http.Answer refresh = http.post("/token", TokenRequests.refresh(web, tokens.string("refresh_token")),
                "Authorization", webAuth);
        Refusals.assertInvalidGrant(refresh, Refusals.REFRESH_TOKEN);
    }

    @Test
    void unknownTokenRevocationAnswers200() {
        assertEquals(200, http.post("/revoke", form("token", "unknown"), "Authorization", webAuth).status());
    }

    @Test
    void anotherClientsTokenIsNotRevoked() {
        String access = tokens().string("access_token");

        assertEquals(200, http.post("/revoke", form("token", access), "Authorization", apiAuth).status());

        assertEquals(true, introspect(access, webAuth).json().get("active"));
    }

    @Test
    void revocationRequiresClientAuthenticationAndAToken() {
        assertEquals(401, http.post("/revoke", form("token", "x")).status());
        Http.Answer missing = http.post("/revoke", List.of(), "Authorization", webAuth);
        assertEquals(400, missing.status());
        assertEquals("invalid_request", missing.string("error"));
        assertEquals("token is required", missing.string("error_description"));
    }
}
