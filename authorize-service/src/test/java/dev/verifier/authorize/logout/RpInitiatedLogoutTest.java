package dev.verifier.authorize.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.SessionEndedEvents;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.testsupport.Browser;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** OpenID Connect RP-Initiated Logout 1.0 at {@code /logout}, over real HTTP with the real broker. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RpInitiatedLogoutTest extends FrontChannelTest {

    static final String AFTER = "https://app.example/signed-out";

    @Inject
    JsonMapper json;

    @BeforeEach
    void clientWithPostLogoutRedirect() {
        spa = TestClients.withPostLogoutRedirectUris(spa, AFTER);
        registry.put(spa);
    }

    /** Logs alice in to {@link #spa}; answers the session's sid as the code-issued event carries it. */
    private String sidOf(Browser browser) {
        Browser.Page redirect = browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))),
                "alice", dev.verifier.authorize.support.TestUsers.PASSWORD), "approve");
        String code = redirect.redirectParams().get("code");
        return (String) CodeEvents.find(Hashes.sha256Base64Url(code), json).orElseThrow().value().get("session_id");
    }

    private static String logoutUrl(Map<String, String> params) {
        StringBuilder url = new StringBuilder("/logout");
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
    }

    private boolean loggedIn(Browser browser) {
        Browser.Page again = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        return again.status() == 303 && again.redirectParams().containsKey("code");
    }

    @Test
    void logoutWithValidHintEndsSessionRedirectsWithStateAndPublishesSessionEnded() {
        Browser browser = browser();
        String sid = sidOf(browser);
        assertTrue(loggedIn(browser));
        String hint = TestTokens.idToken(alice.sub(), spa.clientId(), sid).sign();

        Browser.Page page = browser.get(logoutUrl(Map.of("id_token_hint", hint, "post_logout_redirect_uri", AFTER,
                "state", "s t&1", "ui_locales", "de en")));

        assertEquals(303, page.status(), page.body());
        assertEquals(AFTER + "?state=s+t%261", page.location().orElseThrow());
        assertTrue(page.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("__Host-verifier_session=;") && c.contains("Max-Age=0")), "cookie cleared");
        browser.setCookie("__Host-verifier_session", "x"); // even if the browser kept it, the row is gone
        assertFalse(loggedIn(browser), "the SSO session has ended");
        Map<String, Object> event = SessionEndedEvents.find(alice.sub(), e -> sid.equals(e.get("session_id")), json)
                .orElseThrow(() -> new AssertionError("no SessionEnded event for the session"));
        assertEquals("LOGOUT", event.get("reason"));
        assertEquals(false, event.get("revoke_offline"));
    }

    @Test
    void promptNoneAfterLogoutAnswersLoginRequired() {
        Browser browser = browser();
        String sid = sidOf(browser);
        browser.get(logoutUrl(Map.of("id_token_hint", TestTokens.idToken(alice.sub(), spa.clientId(), sid).sign())));
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "none");
        Browser.Page page = browser.get(AuthorizeUrls.of(params));
        assertEquals("login_required", page.redirectParams().get("error"));
        assertEquals("the user is not logged in", page.redirectParams().get("error_description"));
    }

    @Test
    void expiredHintIsAcceptedWithoutConfirmation() {
        Browser browser = browser();
        String sid = sidOf(browser);
        String expired = TestTokens.idToken(alice.sub(), spa.clientId(), sid)
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
        Browser.Page page = browser.get(logoutUrl(Map.of("id_token_hint", expired, "post_logout_redirect_uri", AFTER)));
        assertEquals(AFTER, page.location().orElseThrow(() -> new AssertionError(page.body())));
        assertFalse(loggedIn(browser));
    }

    @Test
    void hintFromAnotherIssuerOrKeyIsNotTrustedAndAsksForConfirmation() {
        Browser browser = browser();
        String sid = sidOf(browser);
        for (String hint : List.of(
                TestTokens.idToken(alice.sub(), spa.clientId(), sid).issuer("https://evil.example").sign(),
                TestTokens.idToken(alice.sub(), spa.clientId(), sid).signedWithUnknownKey().sign(),
                "not-a-jwt")) {
            Browser.Page page = browser.get(logoutUrl(Map.of("id_token_hint", hint)));
            assertEquals(200, page.status());
            assertTrue(page.body().contains("action=\"/logout\""), "confirmation page: " + page.body());
            assertTrue(loggedIn(browser), "nothing ended before the user confirms");
        }
    }

    @Test
    void confirmationWithCsrfTokenEndsSessionAndRedirectsToRegisteredUri() {
        Browser browser = browser();
        sidOf(browser);
        Browser.Page confirm = browser.get(logoutUrl(Map.of("client_id", spa.clientId(),
                "post_logout_redirect_uri", AFTER, "state", "abc")));
        assertTrue(confirm.body().contains("action=\"/logout\""), confirm.body());

        Browser.Page forged = browser.post("/logout", List.of(Map.entry("confirm", "yes"),
                Map.entry("csrf_token", "forged"), Map.entry("client_id", spa.clientId())));
        assertEquals(403, forged.status(), "a form from elsewhere is refused");
        assertTrue(loggedIn(browser));

        Browser.Page done = browser.post("/logout", List.of(Map.entry("confirm", "yes"),
                Map.entry("csrf_token", confirm.hidden("csrf_token")),
                Map.entry("client_id", confirm.hidden("client_id")),
                Map.entry("post_logout_redirect_uri", confirm.hidden("post_logout_redirect_uri")),
                Map.entry("state", confirm.hidden("state"))));
        assertEquals(AFTER + "?state=abc", done.location().orElseThrow(() -> new AssertionError(done.body())));
        assertFalse(loggedIn(browser));
    }

    @Test
    void withoutRedirectUriTheSignedOutPageIsShown() {
        Browser browser = browser();
        String sid = sidOf(browser);
        Browser.Page page = browser.post("/logout", List.of(
                Map.entry("id_token_hint", TestTokens.idToken(alice.sub(), spa.clientId(), sid).sign())));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("You are signed out"), page.body());
        assertFalse(loggedIn(browser));
    }

    @Test
    void unregisteredRedirectUriIsRefusedOnTheErrorPageAndNeverRedirected() {
        Browser browser = browser();
        String sid = sidOf(browser);
        String hint = TestTokens.idToken(alice.sub(), spa.clientId(), sid).sign();
        String unknownClient = "needs an id_token_hint or client_id of a registered client";
        for (Map.Entry<Map<String, String>, String> refused : List.of(
                Map.entry(Map.of("id_token_hint", hint, "post_logout_redirect_uri", "https://evil.example/"),
                        "post_logout_redirect_uri is not registered for this client"),
                Map.entry(Map.of("post_logout_redirect_uri", AFTER), unknownClient),
                Map.entry(Map.of("client_id", "no-such-client", "post_logout_redirect_uri", AFTER), unknownClient))) {
            Browser.Page page = browser.get(logoutUrl(refused.getKey()));
            assertEquals(400, page.status(), page.body());
            assertTrue(page.location().isEmpty());
            assertTrue(page.body().contains("invalid_request"), page.body());
            assertTrue(page.body().contains(refused.getValue()), page.body());
        }
        assertTrue(loggedIn(browser), "a refused request ends nothing");
    }

    @Test
    void clientIdOtherThanTheHintsAudienceIsRefused() {
        Browser browser = browser();
        String sid = sidOf(browser);
        RegisteredClient other = TestClients.withPostLogoutRedirectUris(TestClients.publicClient(CB), AFTER);
        registry.put(other);
        Browser.Page page = browser.get(logoutUrl(Map.of("id_token_hint",
                TestTokens.idToken(alice.sub(), spa.clientId(), sid).sign(), "client_id", other.clientId(),
                "post_logout_redirect_uri", AFTER)));
        assertEquals(400, page.status());
        assertTrue(page.body().contains("client_id is not the audience of the id_token_hint"), page.body());
        assertTrue(page.location().isEmpty());
        assertTrue(loggedIn(browser));
    }

    @Test
    void repeatedParameterIsRefused() {
        Browser.Page page = browser().get("/logout?state=a&state=b");
        assertEquals(400, page.status());
        assertTrue(page.body().contains("invalid_request"));
        assertTrue(page.body().contains("state must not be given more than once"), page.body());
    }

    @Test
    void discoveryAdvertisesEndSessionAndBackChannelLogout() throws java.io.IOException {
        Map<?, ?> metadata = json.readValue(browser().get("/.well-known/openid-configuration").body(), Map.class);
        assertEquals(TestTokens.ISSUER + "/logout", metadata.get("end_session_endpoint"));
        assertEquals(true, metadata.get("backchannel_logout_supported"));
        assertEquals(true, metadata.get("backchannel_logout_session_supported"));
    }
}
