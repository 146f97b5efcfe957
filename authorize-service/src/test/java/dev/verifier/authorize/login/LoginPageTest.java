package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The login form: CSRF, one answer for unknown user and wrong password, single-use interactions. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginPageTest extends FrontChannelTest {

    @Test
    void unknownUserAndWrongPasswordAnswerIdentically() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page wrongPassword = browser.login(login, "alice", "not the password");
        Browser.Page unknownUser = browser.login(login, "alicf", "not the password");
        assertEquals(200, wrongPassword.status());
        assertEquals(wrongPassword.status(), unknownUser.status());
        assertTrue(wrongPassword.body().contains("The username or password is incorrect."));
        assertEquals(wrongPassword.body().replace("alice", "USER"), unknownUser.body().replace("alicf", "USER"),
                "same page apart from the echoed username");
        assertTrue(browser.cookie("__Host-verifier_session").isEmpty(), "no session after a failed login");
    }

    @Test
    void loginWithoutCsrfTokenThenRefusedAndNoSession() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page page = browser.post("/login", List.of(Map.entry("interaction", login.hidden("interaction")),
                Map.entry("username", "alice"), Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(403, page.status());
        assertTrue(page.location().isEmpty());
        assertTrue(browser.cookie("__Host-verifier_session").isEmpty());
    }

    @Test
    void loginWithWrongCsrfTokenThenRefusedAndNoSession() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page page = browser.post("/login", List.of(Map.entry("interaction", login.hidden("interaction")),
                Map.entry("csrf_token", "forged"), Map.entry("username", "alice"),
                Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(403, page.status());
        assertTrue(browser.cookie("__Host-verifier_session").isEmpty());
    }

    @Test
    void loginCsrfWithAttackersOwnInteractionThenRefused() {
        Browser attacker = browser();
        Browser.Page attackersLogin = attacker.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser victim = browser();
        victim.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        String victimsCsrf = victim.cookie("__Host-verifier_csrf").orElseThrow();
        Browser.Page page = victim.post("/login", List.of(
                Map.entry("interaction", attackersLogin.hidden("interaction")),
                Map.entry("csrf_token", victimsCsrf), Map.entry("username", "alice"),
                Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(403, page.status(), "an interaction is bound to the browser it was shown to");
        assertTrue(victim.cookie("__Host-verifier_session").isEmpty());
    }

    @Test
    void loginWithUnknownOrUsedInteractionThenExpiredPage() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page unknown = browser.post("/login", List.of(Map.entry("interaction", "made-up"),
                Map.entry("csrf_token", login.hidden("csrf_token")), Map.entry("username", "alice"),
                Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("expired"), unknown.body());

        assertTrue(browser.login(login, "alice", TestUsers.PASSWORD).isConsentPage());
        Browser.Page replay = browser.login(login, "alice", TestUsers.PASSWORD);
        assertEquals(400, replay.status(), "an interaction is used once");
        assertTrue(replay.location().isEmpty());
    }
}
