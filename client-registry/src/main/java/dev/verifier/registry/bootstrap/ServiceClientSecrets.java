package dev.verifier.registry.bootstrap;

import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;

/**
 * The strength rule for the secrets of the clients seeded from the environment (the bootstrap admin client,
 * authorize-service's service client): at least {@value #MIN_LENGTH} characters and not a placeholder. A weak secret
 * stops client-registry at start-up with a message naming the variable to set and how.
 */
final class ServiceClientSecrets {

    static final int MIN_LENGTH = 32;
    /** Compared with the secret's letters and digits only, lower case: "CHANGE-ME-…", "changeme", "Secret123" … */
    private static final List<String> PLACEHOLDERS = List.of("changeme", "replaceme", "secret", "password",
            "passw0rd", "placeholder", "example", "todo", "admin", "default");

    private ServiceClientSecrets() {
    }

    /** Throws {@link IllegalStateException} with the fix when {@code secret} (from {@code variable}) is weak. */
    static void requireStrong(String variable, @Nullable String secret) {
        String problem = problem(secret);
        if (problem != null) {
            throw new IllegalStateException(variable + " " + problem + ": set " + variable + " to a random value of at "
                    + "least " + MIN_LENGTH + " characters, e.g. $(head -c 32 /dev/urandom | base64 | tr '+/' '-_' "
                    + "| tr -d '=\\n')");
        }
    }

    @Nullable
    static String problem(@Nullable String secret) {
        if (secret == null || secret.isBlank()) {
            return "is empty";
        }
        String letters = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (PLACEHOLDERS.stream().anyMatch(letters::startsWith)) {
            return "is a placeholder";
        }
        if (secret.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }
}
