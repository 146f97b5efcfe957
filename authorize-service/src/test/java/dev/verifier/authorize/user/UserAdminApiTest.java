package dev.verifier.authorize.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.TestTokens;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The users admin API: bearer tokens with scope users.admin, validation, and no password ever answered. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminApiTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper mapper;
    @Inject
    UserService users;
    @Inject
    UserRepository repository;

    Json json;
    String admin;

    @BeforeAll
    void setUp() {
        json = new Json(server.getURL().toString(), mapper);
        admin = TestTokens.usersAdmin();
    }

    static Map<String, Object> newUser(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("name", "Alice Liddell");
        body.put("given_name", "Alice");
        body.put("family_name", "Liddell");
        body.put("email", username + "@example.com");
        body.put("email_verified", true);
        return body;
    }

    @Test
    void createThenReadAnswersClaimsAndNeverThePassword() {
        Json.Answer created = json.post("/admin/users", admin, newUser("alice", "correct horse battery"));
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("alice", created.body().get("username"));
        assertNotNull(created.body().get("sub"));
        assertEquals("Alice", created.body().get("given_name"));
        assertEquals(true, created.body().get("email_verified"));
        assertFalse(created.body().toString().contains("correct horse"), "the password is never answered");
        assertFalse(created.body().containsKey("password_hash"));

        Json.Answer read = json.get("/admin/users/alice", admin);
        assertEquals(200, read.status());
        assertEquals(created.body().get("sub"), read.body().get("sub"));
        assertEquals("alice@example.com", read.body().get("email"));
        assertFalse(read.body().toString().contains("argon2"));
    }

    @Test
    void storedPasswordIsAnArgon2idHashThatVerifies() {
        json.post("/admin/users", admin, newUser("hashme", "a long passphrase"));
        assertTrue(repository.findById("hashme").orElseThrow().passwordHash().startsWith("$argon2id$v=19$m=64,t=1,p=1$"));
        assertTrue(users.authenticate("hashme", "a long passphrase").isPresent());
        assertTrue(users.authenticate("hashme", "a long passphrasE").isEmpty());
    }

    @Test
    void createWhenPasswordTooShortThenInvalidRequest() {
        Json.Answer answer = json.post("/admin/users", admin, newUser("bob", "short"));
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.body().get("error"));
        assertTrue(answer.body().get("error_description").toString().contains("password must have at least"));
        assertEquals(404, json.get("/admin/users/bob", admin).status());
    }

    @Test
    void createWhenPasswordEqualsUsernameThenInvalidRequest() {
        Json.Answer answer = json.post("/admin/users", admin, newUser("username1", "username1"));
        assertEquals(400, answer.status());
        assertEquals("password must not be the username", answer.body().get("error_description"));
    }

    @Test
    void createWhenUsernameMissingOrTakenThenInvalidRequest() {
        Json.Answer missing = json.post("/admin/users", admin, newUser(null, "long enough pw"));
        assertEquals(400, missing.status());
        assertTrue(missing.body().get("error_description").toString().startsWith("username is required"));
        assertEquals(201, json.post("/admin/users", admin, newUser("taken", "long enough pw")).status());
        Json.Answer again = json.post("/admin/users", admin, newUser("taken", "another long pw"));
        assertEquals(400, again.status());
        assertEquals("invalid_request", again.body().get("error"));
        assertEquals("a user with this username already exists", again.body().get("error_description"));
    }

    static void assertInsufficientScope(Json.Answer answer) {
        assertEquals("insufficient_scope", answer.body().get("error"));
        assertEquals("the access token lacks the scope this resource requires", answer.body().get("error_description"));
    }

    @Test
    void changePasswordThenOnlyTheNewOneWorks() {
        json.post("/admin/users", admin, newUser("carol", "first password"));
        Json.Answer changed = json.post("/admin/users/carol/password", admin, Map.of("password", "second password"));
        assertEquals(204, changed.status());
        assertTrue(users.authenticate("carol", "second password").isPresent());
        assertTrue(users.authenticate("carol", "first password").isEmpty());
        assertEquals(400, json.post("/admin/users/carol/password", admin, Map.of("password", "carol")).status());
        assertEquals(404, json.post("/admin/users/nobody/password", admin, Map.of("password", "xxxxxxxxxx")).status());
    }

    @Test
    void deleteThenGone() {
        json.post("/admin/users", admin, newUser("dave", "dave's password"));
        assertEquals(204, json.delete("/admin/users/dave", admin).status());
        assertEquals(404, json.get("/admin/users/dave", admin).status());
        assertEquals(404, json.delete("/admin/users/dave", admin).status());
    }

    @Test
    void withoutTokenThen401WithBearerChallenge() {
        Json.Answer answer = json.get("/admin/users/alice", null);
        assertEquals(401, answer.status());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, json.post("/admin/users", null, newUser("eve", "eve's password")).status());
    }

    @Test
    void withTokenLackingUsersAdminScopeThen403InsufficientScope() {
        String reader = TestTokens.token().scope("openid registry.read").sign();
        Json.Answer answer = json.post("/admin/users", reader, newUser("eve", "eve's password"));
        assertEquals(403, answer.status());
        assertInsufficientScope(answer);
        assertTrue(users.find("eve").isEmpty());
    }

    @Test
    void withTokenForAnotherAudienceOrIdTokenTypeOrUnknownKeyThen401() {
        assertEquals(401, json.get("/admin/users/alice",
                TestTokens.token().scope("users.admin").audience("http://localhost:9002").sign()).status());
        assertEquals(401, json.get("/admin/users/alice",
                TestTokens.token().scope("users.admin").type("JWT").sign()).status());
        assertEquals(401, json.get("/admin/users/alice",
                TestTokens.token().scope("users.admin").signedWithUnknownKey().sign()).status());
        assertEquals(401, json.get("/admin/users/alice",
                TestTokens.token().scope("users.admin").expiresAt(Instant.now().minusSeconds(600)).sign()).status());
    }

    @Test
    void userTokenWithUsersAdminScopeForTheIssuerThen403() {
        // what a code-flow client registered with users.admin used to get for its signed-in users
        String userToken = TestTokens.token().scope("openid users.admin").subject("alice-sub")
                .clientId("admin-console").sign();
        Json.Answer answer = json.post("/admin/users", userToken, newUser("mallory", "mallory's password"));
        assertEquals(403, answer.status());
        assertInsufficientScope(answer);
        assertTrue(users.find("mallory").isEmpty());
    }

    @Test
    void userTokenEvenForTheAdminAudienceThen403() {
        String userToken = TestTokens.token().scope("users.admin").audience(TestTokens.ADMIN_AUDIENCE)
                .subject("alice-sub").clientId("admin-console").sign();
        Json.Answer answer = json.post("/admin/users", userToken, newUser("mallory", "mallory's password"));
        assertEquals(403, answer.status());
        assertInsufficientScope(answer);
    }

    @Test
    void serviceTokenForTheIssuerInsteadOfTheAdminAudienceThen403() {
        String token = TestTokens.token().scope("users.admin").subject("test-admin").clientId("test-admin").sign();
        assertEquals(403, json.get("/admin/users/alice", token).status());
    }
}
