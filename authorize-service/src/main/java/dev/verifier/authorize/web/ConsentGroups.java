package dev.verifier.authorize.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.shared.api.Audience;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.scope.Scopes;

/**
 * What the consent page lists, grouped: the OpenID Connect scopes asked under their own heading (words from the
 * message bundles, {@link ScopeWords}), then each API of the request's audience under its registered name with the
 * registered descriptions of the scopes asked of it (an API named with {@code resource} but asked no scope: one line
 * saying the application may call it). Each group is a map ({@code heading}, {@code items}) for the template.
 */
final class ConsentGroups {

    private ConsentGroups() {
    }

    static List<Map<String, Object>> of(AuthorizationRequest request, PageMessages messages, Locale locale) {
        return of(request.scopes(), request.audience(), messages, locale);
    }

    /** The groups of {@code scopes} asked for {@code audience} (an authorization request's, or a device's). */
    static List<Map<String, Object>> of(List<String> scopes, Audience audience, PageMessages messages,
                                        Locale locale) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<String> oidc = scopes.stream().filter(Scopes.USER_SCOPES::contains).toList();
        if (!oidc.isEmpty()) {
            groups.add(group(messages.text("consent.group.account", locale),
                    ScopeWords.describe(oidc, messages, locale)));
        }
        for (RegisteredApi api : audience.apis()) {
            List<String> items = new ArrayList<>();
            for (RegisteredApi.Scope scope : api.scopes()) {
                if (scopes.contains(scope.value())) {
                    items.add(scope.description() == null || scope.description().isBlank()
                            ? messages.text("scope.other", locale, scope.value()) : scope.description());
                }
            }
            if (items.isEmpty()) {
                items.add(messages.text("consent.api.call", locale));
            }
            groups.add(group(api.name(), items));
        }
        return groups;
    }

    private static Map<String, Object> group(String heading, List<String> items) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("heading", heading);
        group.put("items", List.copyOf(items));
        return group;
    }
}
