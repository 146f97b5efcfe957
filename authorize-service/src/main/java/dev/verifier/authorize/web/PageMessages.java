package dev.verifier.authorize.web;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

import io.micronaut.context.AbstractMessageSource;
import jakarta.inject.Singleton;

/**
 * The pages' words: the message bundle {@code i18n/messages} ({@code messages.properties}, English, and one file per
 * other language in {@link PageLocales#SUPPORTED}), read by the templates as {@code #{key}} and by {@link Pages}.
 * Without Java's fallback to the JVM's default locale: a page asked in English is English on any machine.
 */
@Singleton
public class PageMessages extends AbstractMessageSource {

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, context.getLocale(Locale.ENGLISH),
                    PageMessages.class.getClassLoader(), NO_FALLBACK);
            return bundle.containsKey(code) ? Optional.of(bundle.getString(code)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** The text of {@code key} in {@code locale}, {@code {0}} filled with {@code argument} when given. */
    public String text(String key, Locale locale, Object... argument) {
        Map<String, Object> variables = argument.length == 0 ? Map.of() : Map.of("0", argument[0]);
        return getMessage(key, MessageContext.of(locale, variables)).orElse(key);
    }
}
