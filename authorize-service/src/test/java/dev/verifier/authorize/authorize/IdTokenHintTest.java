package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserView;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OIDC Core §3.1.2.1 {@code id_token_hint} at {@code /authorize}: an ID token of ours (an expired one too) naming the
 * logged-in user lets {@code prompt=none} answer; naming another user it is {@code login_required} with
 * {@code prompt=none} and the login page without; a hint that is not our ID token is {@code invalid_request}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdTokenHintTest extends FrontChannelTest {

    UserView bob;

    @BeforeAll
    void createBob() {
        bob = TestUsers.create(users, "bob-hint");
    }

    Browser.Page authorize(Browser browser, String hint, String prompt) {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("id_token_hint", hint);
        if (prompt != null) {
            params.put("prompt", prompt);
        }
        return browser.get(AuthorizeUrls.of(params));
    }

    String hintFor(UserView user) {
        return TestTokens.idToken(user.sub(), spa.clientId(), "sid-1").sign();
    }

    @Test
    void hintOfTheLoggedInUserWithPromptNoneThenTheCodeEvenWhenExpired() {
        Browser browser = loggedInAndApproved();
        String expired = TestTokens.idToken(alice.sub(), spa.clientId(), "sid-1")
                .expiresAt(Instant.now().minusSeconds(3600)).sign();

        assertNotNull(authorize(browser, hintFor(alice), "none").redirectParams().get("code"));
        assertNotNull(authorize(browser, expired, "none").redirectParams().get("code"), "expired is fine");
    }

    @Test
    void hintOfAnotherUserWithPromptNoneThenLoginRequired() {
        Browser.Page page = authorize(loggedInAndApproved(), hintFor(bob), "none");

        AuthorizeRequestValidationTest.assertErrorRedirect(page, "login_required",
                "the logged-in user is not the one id_token_hint names");
        assertEquals("the logged-in user is not the one id_token_hint names",
                page.redirectParams().get("error_description"));
    }

    @Test
    void hintOfAnotherUserWithoutPromptNoneThenTheLoginPage() {
        Browser.Page page = authorize(loggedInAndApproved(), hintFor(bob), null);

        assertTrue(page.isLoginPage(), page.body());
    }

    @Test
    void hintThatIsNotOurIdTokenThenInvalidRequest() {
        String description = "id_token_hint is not an ID token issued by this server";
        PromptTest.assertInvalidRequest(authorize(browser(), "not-a-jwt", null), description);
        PromptTest.assertInvalidRequest(authorize(browser(),
                TestTokens.idToken(alice.sub(), spa.clientId(), "sid-1").signedWithUnknownKey().sign(), null),
                description);
        PromptTest.assertInvalidRequest(authorize(browser(),
                TestTokens.idToken(alice.sub(), spa.clientId(), "sid-1").issuer("https://evil.example").sign(), "none"),
                description);
        PromptTest.assertInvalidRequest(authorize(browser(), TestTokens.token().subject(alice.sub()).sign(), null),
                description);
    }
}
