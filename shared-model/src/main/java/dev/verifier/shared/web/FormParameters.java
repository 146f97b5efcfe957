package dev.verifier.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.verifier.shared.error.InputLimits;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;

/**
 * An {@code application/x-www-form-urlencoded} body as single-valued parameters: the one form parser of the
 * back-channel endpoints ({@code /token}, {@code /introspect}, {@code /revoke} and {@code /par}). A repeated parameter
 * is {@code invalid_request} (RFC 6749 §3.1, §3.2; RFC 9126 §2.1); a parameter sent without a value counts as omitted
 * (RFC 6749 §3.1, §3.2: "Parameters sent without a value MUST be treated as if they were omitted from the request"),
 * so {@code client_secret=} is no client secret at all, wherever it is sent; bounds per {@link InputLimits}.
 */
public final class FormParameters {

    private FormParameters() {
    }

    public static Map<String, String> parse(@Nullable String body) {
        Map<String, String> params = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.containsKey(name)) {
                throw OAuthError.INVALID_REQUEST.exception("parameter " + InputLimits.safeName(name) + " is repeated");
            }
            params.put(name, value);
        }
        InputLimits.check(params.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        params.values().removeIf(String::isEmpty);
        return params;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_REQUEST.exception("the form body is not valid form-urlencoding");
        }
    }
}
