package dev.verifier.shared.clientauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import dev.verifier.shared.error.OAuthError;

final class FormUrl {

    private FormUrl() {
    }

    static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_CLIENT.exception("client authentication failed");
        }
    }
}
