package dev.verifier.authorize.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.TestTokens;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The address claim, phone_number_verified and updated_at: accepted and bounded by the users admin API, replaced with
 * {@code PUT /admin/users/{username}/claims}, and answered current to token-service's internal read.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserClaimsTest extends FrontChannelTest {

    static final Map<String, Object> ADDRESS = Map.of("formatted", "221B Baker Street\nLondon NW1 6XE",
            "street_address", "221B Baker Street", "locality", "London", "postal_code", "NW1 6XE", "country", "GB");

    @Inject
    JsonMapper mapper;

    Json json;
    final String admin = TestTokens.usersAdmin();

    @BeforeAll
    void json() {
        json = new Json(server.getURL().toString(), mapper);
    }

    Map<String, Object> newUser(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", "a long enough password");
        body.put("name", "Sherlock Holmes");
        body.put("phone_number", "+44 20 7946 0000");
        body.put("phone_number_verified", true);
        body.put("address", ADDRESS);
        return body;
    }

    String serviceToken() {
        return TestTokens.token().scope("users.admin").audience(TestTokens.ADMIN_AUDIENCE).subject("token-service")
                .clientId("token-service").sign();
    }

    @Test
    void createWithAddressAndPhoneNumberVerifiedThenReadAnswersThem() {
        Json.Answer created = json.post("/admin/users", admin, newUser("sherlock"));
        assertEquals(201, created.status(), created.body().toString());

        Json.Answer read = json.get("/admin/users/sherlock", admin);
        assertEquals(ADDRESS, read.body().get("address"));
        assertEquals(true, read.body().get("phone_number_verified"));
    }

    @Test
    void replaceClaimsThenNewClaimsAndALaterUpdatedAtAreReleased() throws InterruptedException {
        json.post("/admin/users", admin, newUser("mycroft"));
        String sub = users.find("mycroft").orElseThrow().sub();
        long before = ((Number) claims(sub, "openid profile").get("updated_at")).longValue();
        Thread.sleep(1100); // updated_at has a resolution of one second

        Json.Answer replaced = json.put("/admin/users/mycroft/claims", admin,
                Map.of("name", "Mycroft Holmes", "address", Map.of("locality", "Westminster")));

        assertEquals(200, replaced.status(), replaced.body().toString());
        assertEquals("Mycroft Holmes", replaced.body().get("name"));
        assertFalse(replaced.body().containsKey("phone_number"), "a full replace: left-out claims are removed");
        Map<String, Object> released = claims(sub, "openid profile address phone");
        assertEquals("Mycroft Holmes", released.get("name"));
        assertEquals(Map.of("locality", "Westminster"), released.get("address"));
        assertTrue(((Number) released.get("updated_at")).longValue() > before, released.toString());
        assertFalse(released.containsKey("phone_number"));
        assertEquals(404, json.put("/admin/users/nobody/claims", admin, Map.of("name", "x")).status());
    }

    @Test
    void passwordChangeDoesNotMoveUpdatedAt() throws InterruptedException {
        json.post("/admin/users", admin, newUser("hudson"));
        String sub = users.find("hudson").orElseThrow().sub();
        Object before = claims(sub, "openid profile").get("updated_at");
        Thread.sleep(1100);

        assertEquals(204, json.post("/admin/users/hudson/password", admin,
                Map.of("password", "another long password")).status());

        assertEquals(before, claims(sub, "openid profile").get("updated_at"), "the profile did not change");
    }

    @Test
    void overlongClaimThenInvalidRequestNamingIt() {
        Map<String, Object> longStreet = newUser("lestrade");
        longStreet.put("address", Map.of("street_address", "x".repeat(513)));
        Json.Answer answer = json.post("/admin/users", admin, longStreet);
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.body().get("error"));
        assertEquals("address.street_address is longer than 512 characters", answer.body().get("error_description"));
        assertTrue(users.find("lestrade").isEmpty());

        json.post("/admin/users", admin, newUser("watson"));
        Json.Answer longName = json.put("/admin/users/watson/claims", admin, Map.of("name", "n".repeat(256)));
        assertEquals(400, longName.status());
        assertEquals("name is longer than 255 characters", longName.body().get("error_description"));
        Json.Answer control = json.put("/admin/users/watson/claims", admin, Map.of("name", "John\nWatson"));
        assertEquals(400, control.status());
        assertEquals("name must not contain control characters", control.body().get("error_description"));
    }

    @Test
    void internalClaimsAnswerTheClaimsOfTheScopeToAServiceTokenOnly() {
        json.post("/admin/users", admin, newUser("irene"));
        String sub = users.find("irene").orElseThrow().sub();

        Json.Answer phone = json.get("/internal/users/" + sub + "/claims?scope=openid%20phone", serviceToken());
        assertEquals(200, phone.status(), phone.body().toString());
        assertEquals(sub, phone.body().get("sub"));
        assertEquals(Map.of("phone_number", "+44 20 7946 0000", "phone_number_verified", true),
                phone.body().get("claims"));

        String userToken = TestTokens.token().scope("users.admin").audience(TestTokens.ADMIN_AUDIENCE)
                .subject(sub).clientId("some-app").sign();
        assertEquals(403, json.get("/internal/users/" + sub + "/claims?scope=openid", userToken).status());
        assertEquals(404, json.get("/internal/users/unknown-sub/claims?scope=openid", serviceToken()).status());
        assertEquals(204, json.postEmpty("/admin/users/irene/disable", admin).status());
        assertEquals(404, json.get("/internal/users/" + sub + "/claims?scope=openid", serviceToken()).status(),
                "a disabled user gets no tokens, so no claims either");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> claims(String sub, String scope) {
        Json.Answer answer = json.get("/internal/users/" + sub + "/claims?scope=" + scope.replace(" ", "%20"),
                serviceToken());
        assertEquals(200, answer.status(), answer.body().toString());
        return (Map<String, Object>) answer.body().get("claims");
    }
}
