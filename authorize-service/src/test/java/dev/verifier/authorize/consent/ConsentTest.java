package dev.verifier.authorize.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

/** The consent page: remembered per user, client and scopes, asked again for new scopes and offline_access,
 * denied with access_denied, skipped for first-party clients. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentTest extends FrontChannelTest {

    @Test
    void consentAskedAgainForNewScopeAndForOfflineAccess() {
        Browser browser = loggedInAndApproved();

        Map<String, String> withEmail = AuthorizeUrls.valid(spa);
        withEmail.put("scope", "openid email");
        Browser.Page consent = browser.get(AuthorizeUrls.of(withEmail));
        assertTrue(consent.isConsentPage(), "a new scope is asked: " + consent.body());
        browser.consent(consent, "approve");

        Map<String, String> offline = AuthorizeUrls.valid(spa);
        offline.put("scope", "openid profile offline_access");
        Browser.Page offlineConsent = browser.get(AuthorizeUrls.of(offline));
        assertTrue(offlineConsent.isConsentPage(), "offline_access is always asked until remembered");
        assertTrue(offlineConsent.body().contains("while you are not using the application"));
        browser.consent(offlineConsent, "approve");
        assertEquals(303, browser.get(AuthorizeUrls.of(offline)).status(), "remembered now");
    }

    @Test
    void consentDeniedThenAccessDeniedRedirectWithStateAndIss() {
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD);
        Browser.Page denied = browser.consent(consent, "deny");
        assertEquals(303, denied.status());
        Map<String, String> params = denied.redirectParams();
        assertEquals("access_denied", params.get("error"));
        assertEquals("the user denied the request", params.get("error_description"));
        assertEquals("st-123", params.get("state"));
        assertEquals("http://localhost:9000", params.get("iss"));
        assertFalse(params.containsKey("code"));
    }

    @Test
    void firstPartyClientSkipsConsent() {
        RegisteredClient firstParty = TestClients.firstPartyClient(CB);
        registry.put(firstParty);
        Browser browser = browser();
        Browser.Page redirect = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(firstParty))),
                "alice", TestUsers.PASSWORD);
        assertEquals(303, redirect.status(), redirect.body());
        assertNotNull(redirect.redirectParams().get("code"));
    }

    @Test
    void promptConsentAsksAgainDespiteRememberedConsent() {
        Browser browser = loggedInAndApproved();
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "consent");
        assertTrue(browser.get(AuthorizeUrls.of(params)).isConsentPage());
    }

    @Test
    void consentWithoutCsrfTokenThenRefusedAndNoCode() {
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD);
        Browser.Page page = browser.post("/consent", List.of(Map.entry("interaction", consent.hidden("interaction")),
                Map.entry("decision", "approve")));
        assertEquals(403, page.status());
        assertTrue(page.location().isEmpty());
    }
}
