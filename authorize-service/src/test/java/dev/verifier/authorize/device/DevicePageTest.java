package dev.verifier.authorize.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.Browser;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The user's page {@code /device} (RFC 8628 §3.3) driven over real HTTP like a browser: sign-in, code entry, the
 * consent, approve or deny, the done page, and the decision's event on the real broker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicePageTest extends FrontChannelTest {

    @Inject
    JsonMapper mapper;

    record Started(String deviceCode, String userCode, RegisteredClient client) {
    }

    Started start() {
        RegisteredClient tv = Devices.tv();
        registry.put(tv);
        Par.Answer answer = Devices.start(server.getURL().toString(), mapper, tv.clientId(),
                "openid profile offline_access", null);
        assertEquals(200, answer.status(), answer.body().toString());
        return new Started((String) answer.body().get("device_code"), (String) answer.body().get("user_code"), tv);
    }

    /** Opens verification_uri_complete without a session, signs in, and comes back to the pre-filled entry. */
    Browser.Page signedInAtEntry(Browser browser, String userCode) {
        Browser.Page login = browser.get("/device?user_code=" + userCode);
        assertEquals(200, login.status());
        assertTrue(login.body().contains("action=\"/device/login\""), login.body());
        assertTrue(login.body().contains("name=\"username\" value=\"\" autocomplete=\"username\"")
                && login.body().contains("name=\"password\" autocomplete=\"current-password\""),
                "the sign-in fields of the login page: " + login.body());
        Browser.Page back = browser.post("/device/login", List.of(Map.entry("csrf_token", login.hidden("csrf_token")),
                Map.entry("user_code", login.hidden("user_code")), Map.entry("username", "alice"),
                Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(303, back.status(), back.body());
        assertEquals("/device?user_code=" + userCode, back.location().orElseThrow());
        Browser.Page entry = browser.get(back.location().orElseThrow());
        assertTrue(entry.body().contains("action=\"/device\""), entry.body());
        assertTrue(entry.body().contains("value=\"" + userCode + "\""), "the code is pre-filled");
        return entry;
    }

    static Browser.Page enter(Browser browser, Browser.Page page, String userCode) {
        return browser.post("/device", List.of(Map.entry("csrf_token", page.hidden("csrf_token")),
                Map.entry("user_code", userCode)));
    }

    static Browser.Page decide(Browser browser, Browser.Page consent, String decision) {
        return browser.post("/device/decision", List.of(Map.entry("csrf_token", consent.hidden("csrf_token")),
                Map.entry("user_code", consent.hidden("user_code")), Map.entry("decision", decision)));
    }

    @Test
    void signInEnterCodeApproveThenDonePageAndApprovedEventWithTheUser() {
        Started device = start();
        Browser browser = browser();
        Browser.Page entry = signedInAtEntry(browser, device.userCode());
        // typed in lower case with a space instead of the dash: the same code
        Browser.Page consent = enter(browser, entry, device.userCode().toLowerCase().replace('-', ' '));
        assertEquals(200, consent.status(), consent.body());
        assertTrue(consent.body().contains("action=\"/device/decision\""), consent.body());
        assertTrue(consent.body().contains("Test App"), "the client's name");
        assertTrue(consent.body().contains("Your account"), "scopes grouped as on the consent page");
        assertTrue(consent.body().contains(device.userCode()), "the code to compare with the device");
        Browser.Page done = decide(browser, consent, "approve");
        assertEquals(200, done.status());
        assertTrue(done.body().contains("Your device is connected"), done.body());

        CodeEvents.Event approved = CodeEvents.find(Topics.DEVICE_GRANT, Hashes.sha256Base64Url(device.deviceCode()),
                mapper, 2).orElseThrow(() -> new AssertionError("no decision event"));
        assertEquals("APPROVED", approved.value().get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> approval = (Map<String, Object>) approved.value().get("approval");
        assertEquals(alice.sub(), approval.get("subject"));

        // decided: the same code again is an invalid code
        Browser.Page again = enter(browser, consent, device.userCode());
        assertEquals(400, again.status());
        assertTrue(again.body().contains("not valid or has expired"), again.body());
    }

    @Test
    void denyThenDeniedPageAndDeniedEvent() {
        Started device = start();
        Browser browser = browser();
        Browser.Page consent = enter(browser, signedInAtEntry(browser, device.userCode()), device.userCode());
        Browser.Page done = decide(browser, consent, "deny");
        assertTrue(done.body().contains("Access denied"), done.body());
        CodeEvents.Event denied = CodeEvents.find(Topics.DEVICE_GRANT, Hashes.sha256Base64Url(device.deviceCode()),
                mapper, 2).orElseThrow(() -> new AssertionError("no decision event"));
        assertEquals("DENIED", denied.value().get("status"));
    }

    @Test
    void wrongCodeThenClearErrorOnThePage() {
        Started device = start();
        Browser browser = browser();
        Browser.Page entry = signedInAtEntry(browser, device.userCode());
        Browser.Page wrong = enter(browser, entry, "BCDF-GHJK".equals(device.userCode()) ? "BCDF-GHJL" : "BCDF-GHJK");
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("This code is not valid or has expired"), wrong.body());
        Browser.Page notACode = enter(browser, wrong, "AEIOU123");
        assertEquals(400, notACode.status());
    }

    @Test
    void germanBrowserGetsTheGermanPage() {
        Browser browser = new Browser(server.getURL().toString(), Map.of("Accept-Language", "de-DE"));
        Browser.Page login = browser.get("/device");
        assertTrue(login.body().contains("Anmelden, um ein Gerät zu verbinden"), login.body());
        assertEquals("de", login.headers().firstValue("Content-Language").orElseThrow());
    }

    @Test
    void formWithoutThisBrowsersCsrfTokenIsRefused() {
        Started device = start();
        Browser browser = browser();
        signedInAtEntry(browser, device.userCode());
        Browser.Page forged = browser.post("/device", List.of(Map.entry("csrf_token", "forged"),
                Map.entry("user_code", device.userCode())));
        assertEquals(403, forged.status());
        assertTrue(forged.body().contains("not sent from this browser"), forged.body());
    }

    @Test
    void wrongPasswordShowsTheLoginFormAgain() {
        Browser browser = browser();
        Browser.Page login = browser.get("/device");
        Browser.Page failed = browser.post("/device/login", List.of(Map.entry("csrf_token", login.hidden("csrf_token")),
                Map.entry("user_code", ""), Map.entry("username", "alice"), Map.entry("password", "wrong")));
        assertEquals(200, failed.status());
        assertTrue(failed.body().contains("The username or password is incorrect."), failed.body());
        assertTrue(failed.body().contains("action=\"/device/login\""), "the sign-in form again");
        Browser.Page stillAnonymous = browser.get("/device");
        assertTrue(stillAnonymous.body().contains("action=\"/device/login\""), "no session was started");
    }
}
