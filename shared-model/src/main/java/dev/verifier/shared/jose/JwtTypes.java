package dev.verifier.shared.jose;

import com.nimbusds.jose.JOSEObjectType;

/** The JOSE {@code typ} values Verifier issues and checks. */
public final class JwtTypes {

    /** RFC 9068 §2.1: access tokens carry {@code typ: at+jwt}; an ID token ({@code JWT}) is not an access token. */
    public static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    public static final JOSEObjectType ID_TOKEN = JOSEObjectType.JWT;
    /** OIDC Back-Channel Logout 1.0 §2.4: logout tokens carry {@code typ: logout+jwt}. */
    public static final JOSEObjectType LOGOUT_TOKEN = new JOSEObjectType("logout+jwt");

    private JwtTypes() {
    }

    public static boolean isAccessToken(JOSEObjectType type) {
        return type != null && ("at+jwt".equalsIgnoreCase(type.getType())
                || "application/at+jwt".equalsIgnoreCase(type.getType()));
    }
}
