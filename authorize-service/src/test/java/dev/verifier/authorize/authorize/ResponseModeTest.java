package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.Browser;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code response_mode} (OAuth 2.0 Multiple Response Type Encoding Practices, OAuth 2.0 Form Post Response Mode):
 * {@code query} redirects, {@code form_post} answers an auto-submitting form (successes and every error sent to the
 * redirect URI), {@code fragment} and unknown modes are refused with {@code invalid_request} in the query.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseModeTest extends FrontChannelTest {

    static final String ISSUER = "http://localhost:9000";

    Browser.Page authorize(Browser browser, Map<String, String> extra) {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.putAll(extra);
        return browser.get(AuthorizeUrls.of(params));
    }

    /** The fields of a form_post page, after checking the page is one that posts to {@code CB} on its own. */
    static Map<String, String> formPost(Browser.Page page) throws Exception {
        assertEquals(200, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "no redirect in form_post mode");
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<form method=\"post\" action=\"" + FrontChannelTest.CB + "\">"),
                page.body());
        Matcher script = Pattern.compile("<script>([^<]*)</script>").matcher(page.body());
        assertTrue(script.find(), "the form submits itself: " + page.body());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'sha256-" + hash + "'"), "the CSP allows exactly that script: " + csp);
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = Pattern.compile("type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\"").matcher(page.body());
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        assertEquals("st-123", fields.get("state"));
        assertEquals(ISSUER, fields.get("iss"));
        return fields;
    }

    @Test
    void formPostDeliversTheCodeInAnAutoSubmittingForm() throws Exception {
        Browser browser = browser();
        Browser.Page consent = browser.login(authorize(browser, Map.of("response_mode", "form_post")), "alice",
                TestUsers.PASSWORD);

        Map<String, String> fields = formPost(browser.consent(consent, "approve"));

        assertNotNull(fields.get("code"), fields.toString());
        assertFalse(fields.containsKey("error"));
    }

    @Test
    void formPostPostsTheConsentDenial() throws Exception {
        Browser browser = browser();
        Browser.Page consent = browser.login(authorize(browser, Map.of("response_mode", "form_post")), "alice",
                TestUsers.PASSWORD);

        Map<String, String> fields = formPost(browser.consent(consent, "deny"));

        assertEquals("access_denied", fields.get("error"));
        assertEquals("the user denied the request", fields.get("error_description"));
        assertFalse(fields.containsKey("code"));
    }

    @Test
    void formPostPostsPromptNoneErrors() throws Exception {
        Map<String, String> fields = formPost(authorize(browser(),
                Map.of("response_mode", "form_post", "prompt", "none")));

        assertEquals("login_required", fields.get("error"));
        assertEquals("the user is not logged in", fields.get("error_description"));
    }

    @Test
    void formPostPostsValidationErrors() throws Exception {
        Map<String, String> fields = formPost(authorize(browser(),
                Map.of("response_mode", "form_post", "scope", "openid admin.everything")));

        assertEquals("invalid_scope", fields.get("error"));
        assertEquals("a requested scope is not allowed for this client", fields.get("error_description"));
    }

    @Test
    void queryModeRedirectsWithTheCode() {
        Browser browser = loggedInAndApproved();

        Browser.Page redirect = authorize(browser, Map.of("response_mode", "query"));

        assertEquals(303, redirect.status(), redirect.body());
        assertNotNull(redirect.redirectParams().get("code"));
    }

    @Test
    void fragmentModeForCodeThenInvalidRequestInTheQuery() {
        PromptTest.assertInvalidRequest(authorize(browser(), Map.of("response_mode", "fragment")),
                "response_mode=fragment is not allowed with response_type=code");
    }

    @Test
    void unknownResponseModeThenInvalidRequestInTheQuery() {
        PromptTest.assertInvalidRequest(authorize(browser(), Map.of("response_mode", "form_post.jwt")),
                "a response_mode value is not supported (see response_modes_supported)");
    }
}
