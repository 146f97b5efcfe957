package dev.verifier.shared.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one scope parser (RFC 6749 §3.3) and its edge cases. */
class ScopesTest {

    @Test
    void repeatedScopeCountsOnceInsteadOfFailing() {
        Scopes scopes = Scopes.parse("openid profile openid");

        assertEquals(List.of("openid", "profile"), scopes.asList());
        assertEquals(Scopes.parse("openid profile"), scopes);
    }

    @Test
    void severalSpacesAndOuterBlanksSeparateLikeOne() {
        assertEquals(List.of("openid", "email"), Scopes.parse("  openid   email ").asList());
    }

    @Test
    void nullEmptyOrBlankIsNoScope() {
        assertTrue(Scopes.parse(null).isEmpty());
        assertTrue(Scopes.parse("").isEmpty());
        assertTrue(Scopes.parse("   ").isEmpty());
        assertEquals("", Scopes.parse(null).toString());
    }

    @Test
    void parsesEveryShortValueAsTheRuleSays() {
        // every string of up to six characters from a, b, space, tab and a no-break space, against the rule written
        // as a regular expression: outer blanks trimmed, then split on runs of %x20, a repeated token counted once
        char[] alphabet = {'a', 'b', ' ', '\t', '\u00a0'};
        int checked = 0;
        for (int length = 0; length <= 6; length++) {
            int[] digits = new int[length];
            for (int n = 0; n < Math.pow(alphabet.length, length); n++) {
                StringBuilder value = new StringBuilder();
                for (int d : digits) {
                    value.append(alphabet[d]);
                }
                String scope = value.toString();
                List<String> expected = scope.isBlank() ? List.of()
                        : List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
                assertEquals(expected, Scopes.parse(scope).asList(), "scope value [" + scope + "]");
                checked++;
                for (int i = 0; i < length && ++digits[i] == alphabet.length; i++) {
                    digits[i] = 0;
                }
            }
        }
        assertEquals(19_531, checked);
    }

    @Test
    void onlyTheSpaceSeparatesScopeTokens() {
        assertEquals(List.of("openid\tprofile"), Scopes.parse("openid\tprofile").asList(),
                "a tab is not a separator (scope-token = 1*NQCHAR, separated by %x20)");
    }

    @Test
    void orderIsKeptAndToStringIsSorted() {
        Scopes scopes = Scopes.parse("profile openid email");

        assertEquals(List.of("profile", "openid", "email"), scopes.asList());
        assertEquals("email openid profile", scopes.toString());
    }

    @Test
    void equalityIgnoresOrder() {
        assertEquals(Scopes.parse("a b"), Scopes.parse("b a"));
    }

    @Test
    void subsetContainsAndWithoutUserScopes() {
        Scopes registered = Scopes.parse("openid profile notes.read offline_access");

        assertTrue(Scopes.parse("openid notes.read").isSubsetOf(registered));
        assertFalse(Scopes.parse("openid admin").isSubsetOf(registered));
        assertTrue(Scopes.NONE.isSubsetOf(registered));
        assertTrue(registered.contains(Scopes.OFFLINE_ACCESS));
        assertEquals(List.of("notes.read"), registered.withoutUserScopes().asList());
    }

    @Test
    void valuesCannotBeChangedFromOutside() {
        Scopes scopes = Scopes.parse("openid");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> scopes.values().add("admin"));
    }
}
