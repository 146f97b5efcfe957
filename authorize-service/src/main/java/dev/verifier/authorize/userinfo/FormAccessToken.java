package dev.verifier.authorize.userinfo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.error.InputLimits;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * RFC 6750 §2.2: the access token in an {@code application/x-www-form-urlencoded} body, parameter
 * {@code access_token}. Bounded like every form ({@link InputLimits}); given twice is {@code invalid_request}; an
 * empty value counts as omitted.
 */
final class FormAccessToken {

    static final String ACCESS_TOKEN = "access_token";

    private FormAccessToken() {
    }

    @Nullable
    static String of(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Map<String, List<String>> params;
        try {
            params = new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_REQUEST.exception("the form body is not valid form-urlencoding");
        }
        InputLimits.check(params);
        List<String> values = params.getOrDefault(ACCESS_TOKEN, List.of());
        if (values.size() > 1) {
            throw OAuthError.INVALID_REQUEST.exception("access_token must not be given more than once");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
