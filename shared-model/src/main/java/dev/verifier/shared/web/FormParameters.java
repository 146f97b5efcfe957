package dev.verifier.shared.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.verifier.shared.error.InputLimits;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;

/**
 * An {@code application/x-www-form-urlencoded} body as single-valued parameters: the one form parser of the
 * back-channel endpoints ({@code /token}, {@code /introspect}, {@code /revoke} and {@code /par}). A repeated parameter
 * is {@code invalid_request} (RFC 6749 §3.1, §3.2; RFC 9126 §2.1); a parameter sent without a value counts as omitted
 * (RFC 6749 §3.1, §3.2: "Parameters sent without a value MUST be treated as if they were omitted from the request"),
 * so {@code client_secret=} is no client secret at all, wherever it is sent; bounds per {@link InputLimits}. A parameter
 * the protocol defines as repeatable (RFC 8707 {@code resource}) is read with {@link #parse(String, Set)}.
 */
public final class FormParameters {

    private FormParameters() {
    }

    /** A form whose parameters named in {@code repeatable} may be given several times. */
    public record Form(Map<String, String> params, Map<String, List<String>> repeated) {

        /** Every non-empty value of repeatable parameter {@code name}, in the order given. */
        public List<String> all(String name) {
            return repeated.getOrDefault(name, List.of());
        }
    }

    public static Map<String, String> parse(@Nullable String body) {
        return parse(body, Set.of()).params();
    }

    /**
     * Like {@link #parse(String)}, but the parameters named in {@code repeatable} may be repeated: their non-empty
     * values are in {@link Form#repeated()}, not in {@link Form#params()}.
     */
    public static Form parse(@Nullable String body, Set<String> repeatable) {
        Map<String, String> params = new HashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return new Form(params, repeated);
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (repeatable.contains(name)) {
                repeated.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                continue;
            }
            if (params.containsKey(name)) {
                throw OAuthError.INVALID_REQUEST.exception("parameter " + InputLimits.safeName(name) + " is repeated");
            }
            params.put(name, value);
        }
        Map<String, List<String>> all = new HashMap<>(repeated);
        params.forEach((name, value) -> all.put(name, List.of(value)));
        InputLimits.check(all);
        params.values().removeIf(String::isEmpty);
        repeated.replaceAll((name, values) -> values.stream().filter(v -> !v.isEmpty()).toList());
        return new Form(params, repeated);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.INVALID_REQUEST.exception("the form body is not valid form-urlencoding");
        }
    }
}
