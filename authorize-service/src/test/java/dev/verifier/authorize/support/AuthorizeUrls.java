package dev.verifier.authorize.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.verifier.shared.client.RegisteredClient;

/** Authorization request URLs for tests: a valid code + S256 PKCE request, with parameters added or removed. */
public final class AuthorizeUrls {

    /** The RFC 7636 Appendix B challenge. */
    public static final String CHALLENGE = "E9Melhoe2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private AuthorizeUrls() {
    }

    public static Map<String, String> valid(RegisteredClient client) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client.clientId());
        params.put("redirect_uri", client.metadata().redirectUris().get(0));
        params.put("scope", "openid profile");
        params.put("state", "st-123");
        params.put("nonce", "n-456");
        params.put("code_challenge", CHALLENGE);
        params.put("code_challenge_method", "S256");
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String of(Map<String, String> params) {
        StringBuilder url = new StringBuilder("/authorize");
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return url.toString();
    }
}
