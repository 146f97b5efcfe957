package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.user.UserView;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.Hashes;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser-like client from /authorize through login and consent to the redirect with a code, and the matching
 * CodeIssued event on the real broker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationCodeFlowTest implements AuthorizeTestContext {

    static final String CB = "https://app.example/cb";

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;
    @Inject
    JsonMapper mapper;

    RegisteredClient spa;
    UserView alice;

    @BeforeAll
    void setUp() {
        alice = TestUsers.create(users, "alice");
    }

    /** Consent is remembered per user and client: every test starts with a client alice never approved. */
    @BeforeEach
    void freshClient() {
        spa = TestClients.publicClient(CB);
        registry.put(spa);
    }

    Browser browser() {
        return new Browser(server.getURL().toString());
    }

    @Test
    void browserGoesThroughLoginAndConsentToCodeAndEventIsOnBroker() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        assertTrue(login.isLoginPage(), login.body());

        Browser.Page consent = browser.login(login, "alice", TestUsers.PASSWORD);
        assertTrue(consent.isConsentPage(), consent.status() + " " + consent.headers().map() + consent.body());
        assertTrue(consent.body().contains("See your name and basic profile details"), "scopes in words");

        Browser.Page redirect = browser.consent(consent, "approve");
        assertEquals(303, redirect.status(), redirect.body());
        assertTrue(redirect.location().orElseThrow().startsWith(CB + "?code="));
        Map<String, String> params = redirect.redirectParams();
        String code = params.get("code");
        assertEquals(43, code.length(), "256 bits in base64url");
        assertEquals("st-123", params.get("state"));
        assertEquals("http://localhost:9000", params.get("iss"));

        CodeEvents.Event event = CodeEvents.find(Hashes.sha256Base64Url(code), mapper)
                .orElseThrow(() -> new AssertionError("no CodeIssued event for the code"));
        Map<String, Object> value = event.value();
        assertEquals(Hashes.sha256Base64Url(code), value.get("code_hash"));
        assertEquals(spa.clientId(), value.get("client_id"));
        assertEquals(CB, value.get("redirect_uri"));
        assertEquals("openid profile", value.get("scope"));
        assertEquals(alice.sub(), value.get("subject"));
        assertEquals(AuthorizeUrls.CHALLENGE, value.get("code_challenge"));
        assertEquals("S256", value.get("code_challenge_method"));
        assertEquals("n-456", value.get("nonce"));
        assertNotNull(value.get("auth_time"));
        assertNotNull(value.get("session_id"));
        assertNotNull(value.get("expires_at"));
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) value.get("claims");
        assertEquals("alice Example", claims.get("name"));
        assertFalse(claims.containsKey("email"), "email scope not granted");
        assertFalse(event.json().contains(code), "the event never carries the code");
    }

    @Test
    void sessionCookieIsHttpOnlySameSiteLaxAndSecureOutsideLocalProfile() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page consent = browser.login(login, "alice", TestUsers.PASSWORD);
        String cookie = consent.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("verifier_session=")).findFirst().orElseThrow();
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=lax"), cookie);
        assertTrue(attributes.contains("; secure"), cookie);
    }

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
    void consentAskedAgainForNewScopeAndForOfflineAccess() {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");

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
    void promptNoneWithoutSessionThenLoginRequired() {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "none");
        Browser.Page page = browser().get(AuthorizeUrls.of(params));
        assertEquals(303, page.status());
        assertEquals("login_required", page.redirectParams().get("error"));
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
    }

    @Test
    void promptNoneWithSessionAndConsentThenCodeWithoutPage() {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "none");
        assertNotNull(browser.get(AuthorizeUrls.of(params)).redirectParams().get("code"));
    }

    @Test
    void promptLoginForcesLoginDespiteSession() {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "login");
        Browser.Page login = browser.get(AuthorizeUrls.of(params));
        assertTrue(login.isLoginPage(), login.body());
        Browser.Page redirect = browser.login(login, "alice", TestUsers.PASSWORD);
        assertNotNull(redirect.redirectParams().get("code"), "no loop back to the login page");
    }

    @Test
    void maxAgePassedForcesLoginAndWithPromptNoneIsLoginRequired() throws InterruptedException {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("max_age", "3600");
        assertEquals(303, browser.get(AuthorizeUrls.of(params)).status(), "recent login satisfies max_age");
        Thread.sleep(1100);
        params.put("max_age", "0");
        assertTrue(browser.get(AuthorizeUrls.of(params)).isLoginPage());
        params.put("prompt", "none");
        assertEquals("login_required", browser.get(AuthorizeUrls.of(params)).redirectParams().get("error"));
    }

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
        assertTrue(browser.cookie("verifier_session").isEmpty(), "no session after a failed login");
    }

    @Test
    void loginWithoutCsrfTokenThenRefusedAndNoSession() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page page = browser.post("/login", List.of(Map.entry("interaction", login.hidden("interaction")),
                Map.entry("username", "alice"), Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(403, page.status());
        assertTrue(page.location().isEmpty());
        assertTrue(browser.cookie("verifier_session").isEmpty());
    }

    @Test
    void loginWithWrongCsrfTokenThenRefusedAndNoSession() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page page = browser.post("/login", List.of(Map.entry("interaction", login.hidden("interaction")),
                Map.entry("csrf_token", "forged"), Map.entry("username", "alice"),
                Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(403, page.status());
        assertTrue(browser.cookie("verifier_session").isEmpty());
    }

    @Test
    void loginCsrfWithAttackersOwnInteractionThenRefused() {
        Browser attacker = browser();
        Browser.Page attackersLogin = attacker.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser victim = browser();
        victim.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        String victimsCsrf = victim.cookie("verifier_csrf").orElseThrow();
        Browser.Page page = victim.post("/login", List.of(
                Map.entry("interaction", attackersLogin.hidden("interaction")),
                Map.entry("csrf_token", victimsCsrf), Map.entry("username", "alice"),
                Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(403, page.status(), "an interaction is bound to the browser it was shown to");
        assertTrue(victim.cookie("verifier_session").isEmpty());
    }

    @Test
    void promptConsentAsksAgainDespiteRememberedConsent() {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");
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

    @Test
    void newLoginReplacesTheOldSession() {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");
        String first = browser.cookie("verifier_session").orElseThrow();
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("prompt", "login");
        browser.login(browser.get(AuthorizeUrls.of(params)), "alice", TestUsers.PASSWORD);
        String second = browser.cookie("verifier_session").orElseThrow();
        assertFalse(first.equals(second), "a login always starts a new session");
        browser.setCookie("verifier_session", first);
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
