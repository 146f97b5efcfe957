package dev.verifier.authorize.request;

import java.util.List;

import dev.verifier.shared.error.OAuthError;

/**
 * Authentication context classes (OIDC Core §2 {@code acr}, discovery {@code acr_values_supported}) and methods
 * ({@code amr}, RFC 8176). Every sign-in here is a password check, so the one class is {@link #PASSWORD} and the one
 * method {@code pwd}, also for a request answered from an SSO session (the session was opened by a password login).
 * A later second factor would add {@code urn:verifier:acr:mfa} (password and a second factor; {@code amr}
 * {@code ["pwd", "otp"]} or {@code ["pwd", "hwk"]}), asked for with {@code acr_values} or an essential {@code acr}.
 */
public final class AuthenticationContext {

    public static final String PASSWORD = "urn:verifier:acr:pwd";
    public static final List<String> SUPPORTED = List.of(PASSWORD);
    /** RFC 8176 {@code pwd}: the user was authenticated with a password. */
    public static final List<String> PASSWORD_METHODS = List.of("pwd");

    private AuthenticationContext() {
    }

    /**
     * The class this request's sign-in gets. {@code acr_values} are voluntary (OIDC Core §3.1.2.1): one this server
     * cannot meet is answered with the class it can. An essential {@code acr} asked through {@code claims} whose
     * {@code values} this server cannot meet fails the request (OIDC Core §5.5.1.1: a failed authentication) with
     * {@code access_denied}.
     */
    public static String required(ClaimsRequest claims) {
        ClaimsRequest.Claim acr = claims.idTokenClaim("acr");
        if (acr != null && acr.essential() && !acr.values().isEmpty() && !acr.values().contains(PASSWORD)) {
            throw OAuthError.ACCESS_DENIED.exception("the essential acr asked for cannot be met: this server "
                    + "offers only " + PASSWORD + " (see acr_values_supported)");
        }
        return PASSWORD;
    }
}
