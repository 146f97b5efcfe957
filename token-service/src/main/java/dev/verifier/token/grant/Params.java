package dev.verifier.token.grant;

/** The request parameter names of /token (RFC 6749, RFC 7636), /introspect (RFC 7662) and /revoke (RFC 7009). */
public final class Params {

    public static final String GRANT_TYPE = "grant_type";
    public static final String CODE = "code";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String CODE_VERIFIER = "code_verifier";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String SCOPE = "scope";
    /** RFC 8628 §3.4. */
    public static final String DEVICE_CODE = "device_code";
    public static final String TOKEN = "token";
    /** RFC 8707: repeatable, read with {@link TokenRequest#resources()}. */
    public static final String RESOURCE = "resource";

    private Params() {
    }
}
