package dev.verifier.authorize.web;

import java.util.List;
import java.util.Locale;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/**
 * The language of a page: the first supported language of the request's {@code ui_locales} (OIDC Core §3.1.2.1, a
 * space-separated list of BCP 47 tags in order of preference; it travels with the pending request, so the login and
 * consent pages of one authorization keep it), else the best supported one of {@code Accept-Language}, else English.
 * A tag matches by its language ({@code de-CH} → German). Discovery advertises {@link #SUPPORTED} as
 * {@code ui_locales_supported}.
 */
public final class PageLocales {

    /** The languages of the message bundles ({@code i18n/messages*.properties}); the first is the default. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private PageLocales() {
    }

    public static List<String> supportedTags() {
        return SUPPORTED.stream().map(Locale::toLanguageTag).toList();
    }

    public static Locale of(@Nullable String uiLocales, @Nullable HttpRequest<?> http) {
        if (uiLocales != null) {
            for (String tag : uiLocales.trim().split("\\s+")) {
                Locale supported = supported(Locale.forLanguageTag(tag));
                if (supported != null) {
                    return supported;
                }
            }
        }
        String accept = http == null ? null : http.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null && accept.length() <= 512) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    Locale supported = range.getWeight() > 0 ? supported(Locale.forLanguageTag(range.getRange()))
                            : null;
                    if (supported != null) {
                        return supported;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header chooses nothing
            }
        }
        return SUPPORTED.get(0);
    }

    @Nullable
    private static Locale supported(Locale wanted) {
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(null);
    }
}
