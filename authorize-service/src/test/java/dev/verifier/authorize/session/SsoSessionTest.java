package dev.verifier.authorize.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestClock;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SSO session: reused without a login, prompt=none/login, max_age, replaced on login, ended with its user. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "test.clock", value = "mutable")
class SsoSessionTest extends FrontChannelTest {

    @Inject
    TestClock clock;

    @Test
    void sessionReuseSkipsLoginAndRememberedConsentSkipsConsent() {
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD);
        browser.consent(consent, "approve");

        Browser.Page again = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        assertEquals(303, again.status(), "neither login nor consent again: " + again.body());
        assertNotNull(again.redirectParams().get("code"));
    }

    @Test
    void promptNoneWithoutSessionThenLoginRequired() {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "none");
        Browser.Page page = browser().get(AuthorizeUrls.of(params));
        assertEquals(303, page.status());
        assertEquals("login_required", page.redirectParams().get("error"));
        assertEquals("the user is not logged in", page.redirectParams().get("error_description"));
        assertEquals("st-123", page.redirectParams().get("state"));
    }

    @Test
    void promptNoneWithSessionButNoConsentThenConsentRequired() {
        RegisteredClient other = TestClients.publicClient(CB);
        registry.put(other);
        Browser browser = browser();
        browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice", TestUsers.PASSWORD);
        Map<String, String> params = AuthorizeUrls.valid(other);
        params.put("prompt", "none");
        Browser.Page page = browser.get(AuthorizeUrls.of(params));
        assertEquals("consent_required", page.redirectParams().get("error"));
        assertEquals("the user has not consented to this request", page.redirectParams().get("error_description"));
    }

    @Test
    void promptNoneWithSessionAndConsentThenCodeWithoutPage() {
        Browser browser = loggedInAndApproved();
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "none");
        assertNotNull(browser.get(AuthorizeUrls.of(params)).redirectParams().get("code"));
    }

    @Test
    void promptLoginForcesLoginDespiteSession() {
        Browser browser = loggedInAndApproved();
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "login");
        Browser.Page login = browser.get(AuthorizeUrls.of(params));
        assertTrue(login.isLoginPage(), login.body());
        Browser.Page redirect = browser.login(login, "alice", TestUsers.PASSWORD);
        assertNotNull(redirect.redirectParams().get("code"), "no loop back to the login page");
    }

    @Test
    void maxAgePassedForcesLoginAndWithPromptNoneIsLoginRequired() {
        Browser browser = loggedInAndApproved();
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("max_age", "60");
        assertEquals(303, browser.get(AuthorizeUrls.of(params)).status(), "recent login satisfies max_age");
        clock.advance(Duration.ofSeconds(61));
        assertTrue(browser.get(AuthorizeUrls.of(params)).isLoginPage());
        params.put("prompt", "none");
        Map<String, String> refused = browser.get(AuthorizeUrls.of(params)).redirectParams();
        assertEquals("login_required", refused.get("error"));
        assertEquals("the user is not logged in", refused.get("error_description"));
    }

    @Test
    void newLoginReplacesTheOldSession() {
        Browser browser = loggedInAndApproved();
        String first = browser.cookie("__Host-verifier_session").orElseThrow();
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "login");
        browser.login(browser.get(AuthorizeUrls.of(params)), "alice", TestUsers.PASSWORD);
        String second = browser.cookie("__Host-verifier_session").orElseThrow();
        assertFalse(first.equals(second), "a login always starts a new session");
        browser.setCookie("__Host-verifier_session", first);
        assertTrue(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))).isLoginPage(), "the old one has ended");
    }

    @Test
    void deletedUserLosesSessionAndConsentEvenIfTheUsernameIsReused() {
        TestUsers.create(users, "henry");
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "henry",
                TestUsers.PASSWORD), "approve");
        assertTrue(users.delete("henry"));
        TestUsers.create(users, "henry");

        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        assertTrue(login.isLoginPage(), "the old session ended with the old user");
        assertTrue(browser.login(login, "henry", TestUsers.PASSWORD).isConsentPage(),
                "the new user with the same name has not consented");
    }
}
