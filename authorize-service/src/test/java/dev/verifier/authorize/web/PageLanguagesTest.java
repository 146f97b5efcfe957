package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The pages in English and German from one template each: the language of {@code ui_locales} (kept from /authorize
 * through the login and consent forms), else of {@code Accept-Language}, else English.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageLanguagesTest extends FrontChannelTest {

    Browser browser(String acceptLanguage) {
        return new Browser(server.getURL().toString(), Map.of("Accept-Language", acceptLanguage));
    }

    String authorizeUrl(String uiLocales) {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("ui_locales", uiLocales);
        return AuthorizeUrls.of(params);
    }

    static void assertGerman(Browser.Page page) {
        assertTrue(page.body().contains("<html lang=\"de\""), page.body());
        assertEquals("de", page.headers().firstValue("Content-Language").orElse(""));
    }

    static void assertEnglish(Browser.Page page) {
        assertTrue(page.body().contains("<html lang=\"en\""), page.body());
        assertEquals("en", page.headers().firstValue("Content-Language").orElse(""));
    }

    @Test
    void uiLocalesChoosesGermanAndTheLoginAndConsentFormsKeepIt() {
        Browser browser = browser();
        Browser.Page login = browser.get(authorizeUrl("fr-CA de-CH en"));
        assertGerman(login);
        assertTrue(login.body().contains("Anmelden, um mit " + spa.metadata().clientName() + " fortzufahren"), login.body());
        assertTrue(login.body().contains(">Passwort</label>"));

        Browser.Page wrong = browser.login(login, "alice", "not the password");
        assertGerman(wrong);
        assertTrue(wrong.body().contains("Benutzername oder Passwort ist falsch."), wrong.body());

        Browser.Page consent = browser.login(wrong, "alice", TestUsers.PASSWORD);
        assertTrue(consent.isConsentPage(), consent.body());
        assertGerman(consent);
        assertTrue(consent.body().contains("Ihren Namen und grundlegende Profilangaben sehen"), consent.body());
        assertTrue(consent.body().contains(">Erlauben</button>"));
        assertFalse(consent.body().contains("Allow"), "no English left on the page");
    }

    @Test
    void sameLoginPageInEnglishByDefault() {
        Browser.Page login = browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        assertEnglish(login);
        assertTrue(login.body().contains("Sign in to continue to " + spa.metadata().clientName()), login.body());
        assertTrue(login.body().contains(">Password</label>"));
    }

    @Test
    void acceptLanguageChoosesWhenUiLocalesDoesNot() {
        assertGerman(browser("fr;q=0.9, de-AT;q=0.8, en;q=0.5").get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))));
        assertEnglish(browser("de").get(authorizeUrl("en")));
        assertGerman(browser("de").get(authorizeUrl("fr")));
        assertEnglish(browser("fr, ja").get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))));
    }

    @Test
    void errorPageInGermanAndInEnglish() {
        Map<String, String> unknownClient = AuthorizeUrls.valid(spa);
        unknownClient.put("client_id", "no-such-client");

        Browser.Page german = browser("de").get(AuthorizeUrls.of(unknownClient));
        Browser.Page english = browser().get(AuthorizeUrls.of(unknownClient));

        assertEquals(400, german.status());
        assertGerman(german);
        assertTrue(german.body().contains("Die Anfrage kann nicht abgeschlossen werden"), german.body());
        assertTrue(german.body().contains("unknown client_id (invalid_request)"), "the error's own words stay");
        assertEnglish(english);
        assertTrue(english.body().contains("The request cannot be completed"), english.body());
    }

    @Test
    void signOutConfirmationAndSignedOutPagesInGerman() {
        Browser browser = browser();
        Browser.Page confirm = browser.get("/logout?ui_locales=de");
        assertGerman(confirm);
        assertTrue(confirm.body().contains("Abmelden?"), confirm.body());

        Browser.Page done = browser.post("/logout", List.of(Map.entry("confirm", "yes"),
                Map.entry("csrf_token", confirm.hidden("csrf_token")), Map.entry("ui_locales",
                        confirm.hidden("ui_locales"))));

        assertEquals(200, done.status(), done.body());
        assertGerman(done);
        assertTrue(done.body().contains("Sie sind abgemeldet"), done.body());
        assertEnglish(browser().get("/logout"));
    }
}
