package dev.verifier.authorize.authorize;

import java.util.Arrays;
import java.util.Optional;

/** OIDC Core §3.1.2.1 {@code prompt} values this server honours. */
public enum Prompt {
    NONE("none"), LOGIN("login"), CONSENT("consent");

    private final String value;

    Prompt(String value) {
        this.value = value;
    }

    public static Optional<Prompt> from(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
