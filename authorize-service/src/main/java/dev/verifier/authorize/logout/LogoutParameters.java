package dev.verifier.authorize.logout;

import java.util.List;
import java.util.Map;

import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;

/**
 * The parameters of an RP-Initiated Logout 1.0 request (§2), from the query (GET) or the form (POST). A parameter
 * given twice is refused ({@code invalid_request}); {@code ui_locales} chooses the language of the pages.
 */
record LogoutParameters(@Nullable String idTokenHint, @Nullable String clientId,
                        @Nullable String postLogoutRedirectUri, @Nullable String state, @Nullable String uiLocales,
                        boolean confirmed, @Nullable String csrfToken) {

    static final String ID_TOKEN_HINT = "id_token_hint";
    static final String CLIENT_ID = "client_id";
    static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";
    static final String STATE = "state";
    static final String UI_LOCALES = "ui_locales";
    static final String CONFIRM = "confirm";
    static final String CSRF_TOKEN = "csrf_token";
    private static final int MAX_LENGTH = 8192;

    static LogoutParameters parse(Map<String, List<String>> values) {
        return new LogoutParameters(one(values, ID_TOKEN_HINT), one(values, CLIENT_ID),
                one(values, POST_LOGOUT_REDIRECT_URI), one(values, STATE), one(values, UI_LOCALES),
                "yes".equals(one(values, CONFIRM)), one(values, CSRF_TOKEN));
    }

    private static String one(Map<String, List<String>> values, String name) {
        List<String> given = values.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            throw OAuthError.INVALID_REQUEST.exception(name + " must not be given more than once");
        }
        String value = given.get(0);
        if (value.length() > MAX_LENGTH) {
            throw OAuthError.INVALID_REQUEST.exception(name + " is too long");
        }
        return value.isEmpty() ? null : value;
    }
}
