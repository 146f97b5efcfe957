package dev.verifier.authorize.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * The {@code claims} request parameter (OIDC Core §5.5) and the authentication context ({@code acr_values}, an
 * essential {@code acr}, {@code amr}): what the code-issued event carries to token-service for the ID token.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimsAndAcrTest extends FrontChannelTest {

    static final String PWD = "urn:verifier:acr:pwd";

    @Inject
    JsonMapper mapper;

    Browser.Page authorize(Browser browser, Map<String, String> extra) {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.putAll(extra);
        return browser.get(AuthorizeUrls.of(params));
    }

    /** The event of the code that {@code redirect} carries. */
    Map<String, Object> event(Browser.Page redirect) {
        String code = redirect.redirectParams().get("code");
        assertTrue(code != null, "a code: " + redirect.redirectParams());
        return CodeEvents.find(Hashes.sha256Base64Url(code), mapper)
                .orElseThrow(() -> new AssertionError("no CodeIssued event for the code")).value();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> releasedClaims(Map<String, Object> event) {
        return (Map<String, Object>) event.get("claims");
    }

    @Test
    void aPasswordLoginGivesThePasswordClassAndMethodAndSoDoesItsSsoSession() {
        Browser browser = browser();
        Browser.Page consent = browser.login(authorize(browser, Map.of()), "alice", TestUsers.PASSWORD);
        Map<String, Object> first = event(browser.consent(consent, "approve"));
        assertEquals(PWD, first.get("acr"));
        assertEquals(List.of("pwd"), first.get("amr"));

        Map<String, Object> fromSession = event(authorize(browser, Map.of("prompt", "none")));
        assertEquals(PWD, fromSession.get("acr"));
        assertEquals(List.of("pwd"), fromSession.get("amr"), "the session was opened by a password login");
        assertEquals(first.get("auth_time"), fromSession.get("auth_time"), "the time of that login");
    }

    @Test
    void acrValuesAreVoluntarySoAnUnknownOneGetsThePasswordClass() {
        Browser browser = loggedInAndApproved();
        Map<String, Object> event = event(authorize(browser, Map.of("acr_values", "urn:example:acr:gold " + PWD)));
        assertEquals(PWD, event.get("acr"));
        assertEquals(PWD, event(authorize(browser, Map.of("acr_values", "urn:example:acr:gold"))).get("acr"));
    }

    @Test
    void anEssentialAcrThatCannotBeMetThenAccessDenied() {
        Browser browser = loggedInAndApproved();
        Browser.Page page = authorize(browser, Map.of("claims",
                "{\"id_token\": {\"acr\": {\"essential\": true, \"values\": [\"urn:verifier:acr:mfa\"]}}}"));
        AuthorizeRequestValidationTest.assertErrorRedirect(page, "access_denied", "the essential acr asked for "
                + "cannot be met: this server offers only urn:verifier:acr:pwd (see acr_values_supported)");
    }

    @Test
    void anEssentialAcrThatCanBeMetThenTheCodeWithIt() {
        Browser browser = loggedInAndApproved();
        Map<String, Object> event = event(authorize(browser, Map.of("claims",
                "{\"id_token\": {\"acr\": {\"essential\": true, \"value\": \"" + PWD + "\"}}}")));
        assertEquals(PWD, event.get("acr"));
        Map<String, Object> voluntary = event(authorize(browser, Map.of("claims",
                "{\"id_token\": {\"acr\": {\"values\": [\"urn:verifier:acr:mfa\"]}}}")));
        assertEquals(PWD, voluntary.get("acr"), "not essential: answered with the class that was met");
    }

    @Test
    void claimsRequestedAreReleasedOnlyWithinTheGrantedScopes() {
        Browser browser = loggedInAndApproved(); // scope openid profile
        Map<String, Object> event = event(authorize(browser, Map.of("claims",
                "{\"id_token\": {\"email\": {\"essential\": true}, \"name\": null}, \"userinfo\": {\"phone_number\": null},"
                        + " \"other\": 1}")));
        Map<String, Object> claims = releasedClaims(event);
        assertTrue(claims.containsKey("name"), "name is of the granted profile scope: " + claims);
        assertFalse(claims.containsKey("email"), "email was not consented (no email scope), essential or not");
        assertFalse(claims.containsKey("phone_number"));
    }

    @Test
    void malformedClaimsThenInvalidRequest() {
        Map<String, String> cases = Map.of(
                "not json", "claims must be a JSON object (OIDC Core 5.5)",
                "[1, 2]", "claims must be a JSON object (OIDC Core 5.5)",
                "{\"id_token\": \"acr\"}", "claims.id_token must be a JSON object",
                "{\"userinfo\": {\"email\": true}}", "claims.userinfo.email must be null or a JSON object",
                "{\"id_token\": {\"acr\": {\"essential\": \"yes\"}}}", "claims.id_token.acr.essential must be a boolean",
                "{\"id_token\": {\"acr\": {\"values\": \"x\"}}}", "claims.id_token.acr.values must be a JSON array");
        cases.forEach((claims, description) -> PromptTest.assertInvalidRequest(
                authorize(browser(), Map.of("claims", claims)), description));
    }
}
