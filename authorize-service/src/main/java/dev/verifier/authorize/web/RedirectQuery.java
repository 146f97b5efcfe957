package dev.verifier.authorize.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one place that adds response parameters to a client's registered URI before the browser is sent there:
 * authorization responses and errors (RFC 6749 §4.1.2, §4.1.2.1, RFC 9207 {@code iss}) and the post-logout redirect
 * (RP-Initiated Logout 1.0 §3, {@code state}). Each parameter is form-encoded (RFC 6749 Appendix B) and appended to
 * the URI's query in the order given, after {@code ?} when the URI has no query and {@code &} when it has one, so a
 * registered query is kept as it is; a {@code null} value is left out. The URI itself is not changed: it was
 * compared byte for byte with a registered one, which never holds a fragment.
 */
public final class RedirectQuery {

    private RedirectQuery() {
    }

    public static String append(String uri, Map<String, String> params) {
        StringBuilder result = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            result.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return result.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
