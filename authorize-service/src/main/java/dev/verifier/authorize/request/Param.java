package dev.verifier.authorize.request;

/** Authorization request parameter names (RFC 6749, RFC 7636, OIDC Core), in one place. */
public final class Param {

    public static final String CLIENT_ID = "client_id";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String RESPONSE_TYPE = "response_type";
    public static final String SCOPE = "scope";
    public static final String STATE = "state";
    public static final String NONCE = "nonce";
    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    public static final String PROMPT = "prompt";
    public static final String MAX_AGE = "max_age";
    public static final String LOGIN_HINT = "login_hint";
    public static final String UI_LOCALES = "ui_locales";
    public static final String RESPONSE_MODE = "response_mode";
    public static final String CLAIMS = "claims";
    public static final String ACR_VALUES = "acr_values";
    public static final String ID_TOKEN_HINT = "id_token_hint";
    /** RFC 8707 resource indicator: repeatable. */
    public static final String RESOURCE = "resource";
    /** RFC 9449 §10: the thumbprint of the DPoP key the code is to be bound to. */
    public static final String DPOP_JKT = "dpop_jkt";

    private Param() {
    }
}
