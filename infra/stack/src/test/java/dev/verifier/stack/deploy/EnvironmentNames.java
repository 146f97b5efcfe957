package dev.verifier.stack.deploy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Micronaut's environment-variable mapping: {@code VERIFIER_URLS_TOKEN_SERVICE} can set any property whose name is
 * the lower-cased words joined by {@code .} or {@code -} ({@code verifier.urls.token-service}, ...).
 */
final class EnvironmentNames {

    private EnvironmentNames() {
    }

    static Set<String> candidateProperties(String environmentName) {
        String[] words = environmentName.toLowerCase(Locale.ROOT).split("_");
        Set<String> names = new LinkedHashSet<>();
        int joints = words.length - 1;
        for (int mask = 0; mask < (1 << joints); mask++) {
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                name.append((mask & (1 << (i - 1))) != 0 ? '-' : '.').append(words[i]);
            }
            names.add(name.toString());
        }
        return names;
    }
}
