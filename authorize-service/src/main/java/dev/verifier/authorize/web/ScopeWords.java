package dev.verifier.authorize.web;

import java.util.List;
import java.util.Locale;

/**
 * The words a user reads on the consent page for each scope: message {@code scope.<scope>} of the page's language,
 * or {@code scope.other} naming the scope.
 */
final class ScopeWords {

    private ScopeWords() {
    }

    static List<String> describe(List<String> scopes, PageMessages messages, Locale locale) {
        return scopes.stream().map(s -> messages.getMessage("scope." + s, locale)
                .orElseGet(() -> messages.text("scope.other", locale, s))).toList();
    }
}
