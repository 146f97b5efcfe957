package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * OIDC Core §3.1.2.1 {@code prompt}: consent is asked whenever prompted (first-party clients too), select_account
 * shows the login page, create (Initiating User Registration 1.0, not offered here) is refused with a precise
 * {@code invalid_request}, and none goes with no other value.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromptTest extends FrontChannelTest {

    Browser.Page authorize(Browser browser, RegisteredClient client, String prompt) {
        Map<String, String> params = AuthorizeUrls.valid(client);
        params.put("prompt", prompt);
        return browser.get(AuthorizeUrls.of(params));
    }

    static void assertInvalidRequest(Browser.Page page, String description) {
        AuthorizeRequestValidationTest.assertErrorRedirect(page, "invalid_request", description);
        assertEquals(description, page.redirectParams().get("error_description"), "exactly these words");
    }

    @Test
    void promptConsentShowsTheConsentPageEvenToAFirstPartyClient() {
        RegisteredClient firstParty = TestClients.firstPartyClient(CB);
        registry.put(firstParty);
        Browser browser = browser();

        Browser.Page consent = browser.login(authorize(browser, firstParty, "consent"), "alice",
                TestUsers.PASSWORD);

        assertTrue(consent.isConsentPage(), "ConsentTest: no consent page without the prompt; " + consent.body());
        Browser.Page redirect = browser.consent(consent, "approve");
        assertNotNull(redirect.redirectParams().get("code"));
    }

    @Test
    void promptSelectAccountShowsTheLoginPageDespiteASession() {
        Browser browser = loggedInAndApproved();

        Browser.Page login = authorize(browser, spa, "select_account");

        assertTrue(login.isLoginPage(), login.body());
        Browser.Page redirect = browser.login(login, "alice", TestUsers.PASSWORD);
        assertNotNull(redirect.redirectParams().get("code"), "the chosen account gets the code, no loop");
    }

    @Test
    void promptCreateThenInvalidRequestSayingSignUpIsNotOffered() {
        assertInvalidRequest(authorize(browser(), spa, "create"),
                "prompt=create is not supported: this server has no self-service sign-up");
        assertInvalidRequest(authorize(browser(), spa, "login create"),
                "prompt=create is not supported: this server has no self-service sign-up");
    }

    @Test
    void promptNoneWithAnyOtherValueThenInvalidRequest() {
        for (String other : new String[] {"login", "consent", "select_account"}) {
            assertInvalidRequest(authorize(browser(), spa, "none " + other),
                    "prompt=none cannot be combined with other values");
        }
    }

    @Test
    void unknownPromptValueThenInvalidRequest() {
        assertInvalidRequest(authorize(browser(), spa, "bogus"),
                "a prompt value is not supported (see prompt_values_supported)");
    }
}
