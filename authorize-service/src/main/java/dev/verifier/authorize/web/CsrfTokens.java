package dev.verifier.authorize.web;

import dev.verifier.authorize.interaction.Interaction;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import jakarta.inject.Singleton;

/**
 * CSRF protection of the login and consent forms: a random token in a cookie of this browser, repeated in a hidden
 * form field, and bound (by hash) to the interaction the page was rendered for. A POST is accepted only when the
 * field equals the cookie and the cookie is the one the interaction was created for, so another site can neither
 * forge the form nor replay an interaction of its own (login CSRF).
 */
@Singleton
public class CsrfTokens {

    public static final String COOKIE = "verifier_csrf";
    public static final String FIELD = "csrf_token";

    private final BrowserCookies cookies;

    CsrfTokens(BrowserCookies cookies) {
        this.cookies = cookies;
    }

    /** This browser's token, or a new one when it has none yet. */
    public String tokenOf(HttpRequest<?> request) {
        return cookies.value(request, COOKIE).orElseGet(() -> RandomTokens.base64Url(32));
    }

    public Cookie cookie(String token) {
        return cookies.cookie(COOKIE, token);
    }

    public void verify(HttpRequest<?> request, @Nullable String formToken, Interaction interaction) {
        String cookie = verify(request, formToken);
        if (!Hashes.constantTimeEquals(Hashes.sha256Base64Url(cookie), interaction.csrfHash())) {
            throw refused();
        }
    }

    /**
     * For a form bound to no interaction (the logout confirmation): the field must equal this browser's cookie, which
     * another site can neither read nor set. Answers the token.
     */
    public String verify(HttpRequest<?> request, @Nullable String formToken) {
        String cookie = cookies.value(request, COOKIE).orElse(null);
        if (cookie == null || !Hashes.constantTimeEquals(cookie, formToken)) {
            throw refused();
        }
        return cookie;
    }

    private static RuntimeException refused() {
        return OAuthError.ACCESS_DENIED.exception(
                "This form was not sent from this browser's page. Go back to the application and start again.");
    }
}
