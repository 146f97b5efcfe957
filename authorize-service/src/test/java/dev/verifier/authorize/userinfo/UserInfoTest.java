package dev.verifier.authorize.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.user.UserView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /userinfo: a bearer access token for this issuer with openid; the claims of the granted scopes only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserInfoTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper mapper;
    @Inject
    UserService users;

    Json json;
    UserView erin;

    @BeforeAll
    void setUp() {
        json = new Json(server.getURL().toString(), mapper);
        erin = TestUsers.create(users, "erin");
    }

    @Test
    void getAnswersSubAndClaimsOfGrantedScopesOnly() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid email").sign();
        Json.Answer answer = json.get("/userinfo", token);
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(erin.sub(), answer.body().get("sub"));
        assertEquals("erin@example.com", answer.body().get("email"));
        assertEquals(true, answer.body().get("email_verified"));
        assertFalse(answer.body().containsKey("name"), "profile was not granted");
        assertFalse(answer.body().containsKey("phone_number"));
    }

    @Test
    void postAnswersTheSame() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid profile").sign();
        Json.Answer answer = json.postEmpty("/userinfo", token);
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals("erin Example", answer.body().get("name"));
        assertEquals("erin", answer.body().get("preferred_username"));
        assertFalse(answer.body().containsKey("email"));
    }

    @Test
    void addressPhoneAndProfileReleaseTheAddressPhoneNumberVerifiedAndUpdatedAt() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid address phone profile").sign();
        Json.Answer answer = json.get("/userinfo", token);
        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(java.util.Map.of("formatted", "1 Main St\nSpringfield", "street_address", "1 Main St",
                "locality", "Springfield", "postal_code", "12345", "country", "US"), answer.body().get("address"));
        assertEquals("+1 555 0100", answer.body().get("phone_number"));
        assertEquals(false, answer.body().get("phone_number_verified"));
        assertEquals(erin.createdAt().getEpochSecond(), ((Number) answer.body().get("updated_at")).longValue(),
                "epoch seconds of the last change of the claims: their creation here");

        Json.Answer emailOnly = json.get("/userinfo", TestTokens.token().subject(erin.sub()).scope("openid email")
                .sign());
        assertFalse(emailOnly.body().containsKey("address"));
        assertFalse(emailOnly.body().containsKey("phone_number_verified"));
        assertFalse(emailOnly.body().containsKey("updated_at"));
    }

    @Test
    void postWithTheAccessTokenInTheFormBodyAnswersTheSame() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid email").sign();

        Json.Answer answer = json.postForm("/userinfo", null, "access_token=" + token);

        assertEquals(200, answer.status(), answer.body().toString());
        assertEquals(erin.sub(), answer.body().get("sub"));
        assertEquals("erin@example.com", answer.body().get("email"));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void tokenInBothTheHeaderAndTheFormBodyThenInvalidRequest() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid").sign();

        Json.Answer answer = json.postForm("/userinfo", token, "access_token=" + token);

        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.body().get("error"));
        assertEquals("send the access token one way only: the Authorization header or the form body (RFC 6750)",
                answer.body().get("error_description"));
    }

    @Test
    void formBodyTokenIsValidatedLikeAHeaderToken() {
        Json.Answer idToken = json.postForm("/userinfo", null,
                "access_token=" + TestTokens.token().subject(erin.sub()).type("JWT").sign());
        assertEquals(401, idToken.status());
        assertEquals("invalid_token", idToken.body().get("error"));
        assertTrue(idToken.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertEquals(401, json.postForm("/userinfo", null, "access_token="
                + TestTokens.token().subject(erin.sub()).audience("http://localhost:9003").sign()).status());
        Json.Answer noOpenid = json.postForm("/userinfo", null,
                "access_token=" + TestTokens.token().subject(erin.sub()).scope("email").sign());
        assertEquals(403, noOpenid.status());
        assertEquals("insufficient_scope", noOpenid.body().get("error"));
        Json.Answer twice = json.postForm("/userinfo", null, "access_token=a&access_token=b");
        assertEquals(400, twice.status());
        Json.Answer none = json.postForm("/userinfo", null, "other=1");
        assertEquals(401, none.status());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""), "no token: no error code");
    }

    @Test
    void revokedAccessTokenThen401InvalidTokenInTheHeaderAndInTheBody() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid").sign();
        TestTokens.revoke(token);

        Json.Answer header = json.get("/userinfo", token);
        assertEquals(401, header.status());
        assertEquals("invalid_token", header.body().get("error"));
        assertEquals("the access token has been revoked or is no longer active", header.body().get("error_description"));
        assertEquals(401, json.postForm("/userinfo", null, "access_token=" + token).status());
        assertEquals(401, json.postEmpty("/userinfo", token).status());
    }

    @Test
    void statusOfATokenIsAskedOnceWithinTheCacheTime() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid").sign();
        int before = TestTokens.introspections();

        assertEquals(200, json.get("/userinfo", token).status());
        assertEquals(200, json.postForm("/userinfo", null, "access_token=" + token).status());

        assertEquals(before + 1, TestTokens.introspections(), "the second answer came from the cache (5 s)");
    }

    @Test
    void tokenServiceUnableToTellThenRefusedNotAnswered() {
        String token = TestTokens.token().subject(erin.sub()).scope("openid").sign();
        TestTokens.introspectionDown(true);
        try {
            Json.Answer answer = json.get("/userinfo", token);
            assertEquals(503, answer.status(), answer.body().toString());
            assertEquals("temporarily_unavailable", answer.body().get("error"));
        } finally {
            TestTokens.introspectionDown(false);
        }
        assertEquals(200, json.get("/userinfo", token).status(), "a failure is not cached");
    }

    @Test
    void withoutOpenidScopeThen403AndWithoutTokenOrWithIdTokenThen401() {
        assertEquals(403, json.get("/userinfo", TestTokens.token().subject(erin.sub()).scope("email").sign()).status());
        Json.Answer none = json.get("/userinfo", null);
        assertEquals(401, none.status());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, json.get("/userinfo",
                TestTokens.token().subject(erin.sub()).type("JWT").sign()).status(), "an ID token is refused");
        assertEquals(401, json.get("/userinfo",
                TestTokens.token().subject(erin.sub()).audience("http://localhost:9003").sign()).status());
    }
}
