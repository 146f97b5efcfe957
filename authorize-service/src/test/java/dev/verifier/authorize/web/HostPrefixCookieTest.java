package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Outside the local profile every cookie is Secure and named {@code __Host-…} (no Domain, path /), and a cookie of the
 * plain name, which a sibling subdomain could plant, is not read.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostPrefixCookieTest extends FrontChannelTest {

    @Test
    void cookiesCarryTheHostPrefixAndPlainNamesAreIgnored() {
        Browser browser = browser();
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty());
        for (String cookie : cookies) {
            String lower = cookie.toLowerCase(Locale.ROOT);
            assertTrue(cookie.startsWith("__Host-"), cookie);
            assertTrue(lower.contains("; secure") && lower.contains("path=/") && !lower.contains("domain="), cookie);
        }
        Browser.Page consent = browser.login(login, "alice", TestUsers.PASSWORD);
        assertTrue(consent.isConsentPage(), consent.body());
        assertTrue(browser.cookie("__Host-verifier_session").isPresent());

        Browser planted = browser();
        Browser.Page form = planted.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        String token = planted.cookie("__Host-verifier_csrf").orElseThrow();
        planted.dropCookie("__Host-verifier_csrf");
        planted.setCookie("verifier_csrf", token); // what a sibling subdomain could set
        Browser.Page refused = planted.login(form, "alice", TestUsers.PASSWORD);
        assertEquals(403, refused.status(), refused.body());
    }
}
