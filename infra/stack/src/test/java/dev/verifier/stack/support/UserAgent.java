package dev.verifier.stack.support;

import java.net.URI;
import java.util.List;
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

    /**
     * The device flow's user (RFC 8628 §3.3): opens {@code verification_uri_complete}, signs in on the device page,
     * confirms the pre-filled code, and approves ({@code approve}) or denies ({@code deny}); answers the done page.
     */
    public Page decideDevice(URI verificationUriComplete, String username, String password, String decision) {
        Page login = browser.open(verificationUriComplete);
        if (!login.body().contains("action=\"/device/login\"")) {
            throw new AssertionError("no sign-in form on the device page: " + login.status() + " " + login.body());
        }
        Page back = browser.post("/device/login", List.of(Map.entry("csrf_token", login.hidden("csrf_token")),
                Map.entry("user_code", login.hidden("user_code")), Map.entry("username", username),
                Map.entry("password", password)));
        Page entry = browser.get(back.location().orElseThrow(() -> new AssertionError("sign-in failed: " + back.body())));
        Page consent = browser.post("/device", List.of(Map.entry("csrf_token", entry.hidden("csrf_token")),
                Map.entry("user_code", entry.hidden("user_code"))));
        if (!consent.body().contains("action=\"/device/decision\"")) {
            throw new AssertionError("no consent on the device page: " + consent.status() + " " + consent.body());
        }
        return browser.post("/device/decision", List.of(Map.entry("csrf_token", consent.hidden("csrf_token")),
                Map.entry("user_code", consent.hidden("user_code")), Map.entry("decision", decision)));
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
