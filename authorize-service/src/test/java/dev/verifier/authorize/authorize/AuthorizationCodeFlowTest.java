package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.testsupport.Browser;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser-like client from /authorize through login and consent to the redirect with a code, and the matching
 * CodeIssued event on the real broker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationCodeFlowTest extends FrontChannelTest {

    @Inject
    JsonMapper mapper;

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
        assertTrue(code.startsWith("c1.test.") && code.length() == 72, "256 random bits and a MAC: " + code);
        assertEquals("st-123", params.get("state"));
        assertEquals("http://localhost:9000", params.get("iss"));

        CodeEvents.Event event = CodeEvents.find(Hashes.sha256Base64Url(code), mapper)
                .orElseThrow(() -> new AssertionError("no CodeIssued event for the code"));
        Map<String, Object> value = event.value();
        assertEquals(Hashes.sha256Base64Url(code), value.get("code_hash"));
        assertEquals(spa.clientId(), value.get("client_id"));
        assertEquals(CB, value.get("redirect_uri"));
        assertEquals(true, value.get("redirect_uri_included"), "token-service then requires it (RFC 6749 4.1.3)");
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
        assertTrue(event.wire().startsWith("v2.authorize-test."), "sealed wire format v2 with its key id");
        assertFalse(event.wire().contains("alice"), "released claims and subject are not readable on the topic");
        assertFalse(event.wire().contains(spa.clientId()), "nor is the client");
    }

    @Test
    void requestWithoutRedirectUriIsRecordedSoTheCodeMayBeRedeemedWithoutIt() {
        Map<String, String> request = AuthorizeUrls.valid(spa);
        request.remove("redirect_uri"); // allowed: the client has exactly one registered
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(AuthorizeUrls.of(request)), "alice", TestUsers.PASSWORD);
        Browser.Page redirect = browser.consent(consent, "approve");
        assertEquals(303, redirect.status(), redirect.body());

        Map<String, Object> value = CodeEvents.find(Hashes.sha256Base64Url(redirect.redirectParams().get("code")),
                mapper).orElseThrow(() -> new AssertionError("no CodeIssued event for the code")).value();
        assertEquals(CB, value.get("redirect_uri"), "the registered one");
        assertEquals(false, value.get("redirect_uri_included"));
    }

    @Test
    void sessionCookieIsHttpOnlySameSiteLaxAndSecureOutsideLocalProfile() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        Browser.Page consent = browser.login(login, "alice", TestUsers.PASSWORD);
        String cookie = consent.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-verifier_session=")).findFirst().orElseThrow();
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("; httponly"), cookie);
        assertTrue(attributes.contains("; samesite=lax"), cookie);
        assertTrue(attributes.contains("; secure"), cookie);
    }
}
