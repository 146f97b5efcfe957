package dev.verifier.shared.error;

import java.util.Collection;
import java.util.Map;

/**
 * Bounds on the parameters of every public form or query (after the body-size limit,
 * {@code micronaut.server.max-request-size}), and the one way a parameter name taken from a request may appear in an
 * {@code error_description}: a known-looking name as it is, anything else as "a parameter" (never raw input).
 */
public final class InputLimits {

    /** More distinct parameters than any of our endpoints understands, with room for extensions. */
    public static final int MAX_PARAMETERS = 50;
    /** Values per parameter (a repeated parameter is refused anyway; this bounds what is kept). */
    public static final int MAX_VALUES = 5;
    /** Characters per value: a request object or client assertion by value fits. */
    public static final int MAX_VALUE_LENGTH = 16_384;

    private InputLimits() {
    }

    /** Refuses ({@code invalid_request}) parameters beyond the bounds. */
    public static void check(Map<String, ? extends Collection<String>> params) {
        if (params.size() > MAX_PARAMETERS) {
            throw OAuthError.INVALID_REQUEST.exception("the request has too many parameters");
        }
        for (Map.Entry<String, ? extends Collection<String>> e : params.entrySet()) {
            if (e.getKey().length() > 64 || e.getValue().size() > MAX_VALUES
                    || e.getValue().stream().anyMatch(v -> v != null && v.length() > MAX_VALUE_LENGTH)) {
                throw OAuthError.INVALID_REQUEST.exception(safeName(e.getKey()) + " is too long or repeated too often");
            }
        }
    }

    /** {@code name} if it looks like a parameter name of ours, else "a parameter". */
    public static String safeName(String name) {
        return name != null && name.matches("[a-z][a-z0-9_]{0,39}") ? name : "a parameter";
    }
}
