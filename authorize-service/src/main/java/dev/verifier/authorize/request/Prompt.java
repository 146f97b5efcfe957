package dev.verifier.authorize.request;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * OIDC Core §3.1.2.1 {@code prompt} values this server honours, the list discovery advertises as
 * {@code prompt_values_supported}. {@code select_account} shows the login page (a browser holds one SSO session, so
 * choosing an account is signing in with it); {@code create} (Initiating User Registration via OpenID Connect 1.0) is
 * not among them: there is no self-service sign-up, so it is refused as that specification says for a value not in
 * {@code prompt_values_supported} ({@code invalid_request} with a description).
 */
public enum Prompt {
    NONE("none"), LOGIN("login"), CONSENT("consent"), SELECT_ACCOUNT("select_account");

    /** The value of Initiating User Registration via OpenID Connect 1.0, not supported here. */
    public static final String CREATE = "create";

    private final String value;

    Prompt(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static List<String> supported() {
        return Arrays.stream(values()).map(Prompt::value).toList();
    }

    public static Optional<Prompt> from(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
