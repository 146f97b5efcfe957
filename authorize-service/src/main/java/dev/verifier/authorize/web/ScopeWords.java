package dev.verifier.authorize.web;

import java.util.List;
import java.util.Map;

/** The words a user reads on the consent page for each scope. */
final class ScopeWords {

    private static final Map<String, String> WORDS = Map.of(
            "openid", "Confirm who you are (your account identifier)",
            "profile", "See your name and basic profile details",
            "email", "See your email address",
            "phone", "See your phone number",
            "address", "See your postal address",
            "offline_access", "Keep access to your data while you are not using the application");

    private ScopeWords() {
    }

    static List<String> describe(List<String> scopes) {
        return scopes.stream().map(s -> WORDS.getOrDefault(s, "Access: " + s)).toList();
    }
}
