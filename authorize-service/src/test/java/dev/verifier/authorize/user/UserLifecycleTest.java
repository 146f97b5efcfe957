package dev.verifier.authorize.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.SessionEndedEvents;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.Browser;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Users whose removal ends everything: the sessions admin API, disable/enable, and deletion or a password change
 * ending every session with a SessionEnded event that has token-service revoke all refresh tokens.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserLifecycleTest extends FrontChannelTest {

    @Inject
    JsonMapper mapper;

    private Json json() {
        return new Json(server.getURL().toString(), mapper);
    }

    private Browser loggedIn(String username) {
        Browser browser = browser();
        Browser.Page next = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), username,
                TestUsers.PASSWORD);
        if (next.isConsentPage()) {
            browser.consent(next, "approve");
        }
        assertTrue(hasSession(browser));
        return browser;
    }

    private boolean hasSession(Browser browser) {
        Browser.Page page = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        return page.status() == 303 && page.redirectParams().containsKey("code");
    }

    private Map<String, Object> event(String subject, String reason) {
        return SessionEndedEvents.find(subject, e -> reason.equals(e.get("reason")), mapper)
                .orElseThrow(() -> new AssertionError("no SessionEnded " + reason + " for " + subject));
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminListsAndEndsAUsersSessionsAndOfflineTokensAreKept() {
        UserView ivy = TestUsers.create(users, "ivy");
        Browser one = loggedIn("ivy");
        Browser two = loggedIn("ivy");

        Json.Answer listed = json().get("/admin/users/ivy/sessions", TestTokens.usersAdmin());
        assertEquals(200, listed.status());
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) listed.body().get("sessions");
        assertEquals(2, sessions.size());
        assertTrue(sessions.get(0).get("sid") instanceof String);
        assertFalse(listed.body().toString().contains(one.cookie("__Host-verifier_session").orElseThrow()));

        assertEquals(204, json().delete("/admin/users/ivy/sessions", TestTokens.usersAdmin()).status());
        assertFalse(hasSession(one));
        assertFalse(hasSession(two));
        assertEquals(List.of(), json().get("/admin/users/ivy/sessions", TestTokens.usersAdmin()).body().get("sessions"));
        Map<String, Object> event = event(ivy.sub(), "ADMIN");
        assertEquals(null, event.get("session_id"), "every session of the user");
        assertEquals(false, event.get("revoke_offline"));
    }

    @Test
    void disabledUserCannotLogInWithExactlyTheWrongPasswordAnswerUntilEnabled() {
        UserView jack = TestUsers.create(users, "jack");
        Browser browser = loggedIn("jack");
        assertEquals(204, json().postEmpty("/admin/users/jack/disable", TestTokens.usersAdmin()).status());
        assertFalse(hasSession(browser), "disabling ended the session");
        assertEquals(true, event(jack.sub(), "USER_DISABLED").get("revoke_offline"));

        Browser fresh = browser();
        Browser.Page disabled = fresh.login(fresh.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "jack",
                TestUsers.PASSWORD);
        Browser.Page wrong = fresh.login(fresh.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "jack",
                "a wrong password");
        assertEquals(wrong.status(), disabled.status());
        assertTrue(disabled.body().contains("The username or password is incorrect."), disabled.body());
        assertEquals(strip(wrong.body()), strip(disabled.body()), "no difference but the form's tokens");

        assertEquals(204, json().postEmpty("/admin/users/jack/enable", TestTokens.usersAdmin()).status());
        assertTrue(fresh.login(fresh.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "jack", TestUsers.PASSWORD)
                .status() == 303);
    }

    private static String strip(String page) {
        return page.replaceAll("value=\"[^\"]*\"", "");
    }

    @Test
    void passwordChangeEndsEverySessionAndRevokesOfflineTokensToo() {
        UserView kate = TestUsers.create(users, "kate");
        Browser browser = loggedIn("kate");
        assertEquals(204, json().post("/admin/users/kate/password", TestTokens.usersAdmin(),
                Map.of("password", "another long passphrase")).status());
        assertFalse(hasSession(browser));
        assertEquals(true, event(kate.sub(), "PASSWORD_CHANGED").get("revoke_offline"));
    }

    @Test
    void deletedUserSessionsEndWithAnEventThatRevokesEverything() {
        UserView liam = TestUsers.create(users, "liam");
        Browser browser = loggedIn("liam");
        assertEquals(204, json().delete("/admin/users/liam", TestTokens.usersAdmin()).status());
        assertFalse(hasSession(browser));
        assertEquals(true, event(liam.sub(), "USER_DELETED").get("revoke_offline"));
    }

    @Test
    void unknownUserAndMissingScopeAreRefused() {
        assertEquals(404, json().get("/admin/users/nobody/sessions", TestTokens.usersAdmin()).status());
        assertEquals(404, json().postEmpty("/admin/users/nobody/disable", TestTokens.usersAdmin()).status());
        assertEquals(404, json().delete("/admin/users/nobody/sessions", TestTokens.usersAdmin()).status());
        assertEquals(403, json().postEmpty("/admin/users/alice/disable", TestTokens.token().scope("openid").sign())
                .status());
    }
}
