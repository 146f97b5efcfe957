package dev.verifier.stack.support;

import java.net.URI;
import java.util.Map;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.Browser.Page;

/** A person at a browser: follows an authorization request through login and consent back to the client. */
public final class UserAgent {

    private final Browser browser;

    public UserAgent(URI issuer) {
        this(issuer, Map.of());
    }

    /** A user agent that also sends {@code headers} on every request (a W3C {@code traceparent}, say). */
    public UserAgent(URI issuer, Map<String, String> headers) {
        this.browser = new Browser(issuer.toString(), headers);
    }

    /** Opens any URL (a logout request, a {@code prompt=none} request) with this user agent's cookies. */
    public Page open(URI url) {
        return browser.open(url);
    }

    /** Opens the authorization request, logs in, approves consent, and answers the parsed success redirect. */
    public AuthorizationSuccessResponse authorize(URI authorizationRequest, String username, String password) {
        Page page = browser.open(authorizationRequest);
        if (page.isLoginPage()) {
            page = browser.login(page, username, password);
        }
        if (page.status() == 302 || page.status() == 303) {
            String location = page.location().orElseThrow();
            if (!location.startsWith("http")) {
                page = browser.get(location);
            }
        }
        if (page.isConsentPage()) {
            page = browser.consent(page, "approve");
        }
        String location = page.location().orElseThrow(() -> new AssertionError("no redirect back to the client"));
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location));
            if (!response.indicatesSuccess()) {
                throw new AssertionError("authorization failed: " + location);
            }
            return response.toSuccessResponse();
        } catch (ParseException e) {
            throw new AssertionError("unreadable redirect " + location, e);
        }
    }
}
