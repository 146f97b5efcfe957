package dev.verifier.authorize.web;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.Step;
import dev.verifier.shared.api.Audience;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.context.Context;

/**
 * Turns a {@link Step} or an error into an HTTP answer: a Thymeleaf page in the language chosen for it
 * ({@link PageLocales}; the words come from {@link PageMessages}), a 303 redirect to the client, or the
 * auto-submitting form of {@code response_mode=form_post} ({@link FormPostPage}).
 */
@Singleton
public class Pages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final CsrfTokens csrf;
    private final ThymeleafViewsRenderer<?> thymeleaf;
    private final PageMessages messages;

    Pages(CsrfTokens csrf, ThymeleafViewsRenderer<?> thymeleaf, PageMessages messages) {
        this.csrf = csrf;
        this.thymeleaf = thymeleaf;
        this.messages = messages;
    }

    public MutableHttpResponse<?> step(Step step, String csrfToken, Locale locale) {
        if (step instanceof Step.Redirect r) {
            return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, r.location());
        }
        if (step instanceof Step.FormPost f) {
            return page(HttpStatus.OK, FormPostPage.VIEW, Map.of("action", f.action(), "fields", f.params(),
                    "script", FormPostPage.SCRIPT), locale).header("Content-Security-Policy", FormPostPage.CSP);
        }
        if (step instanceof Step.ShowLogin l) {
            return login(l.request(), l.interactionId(), csrfToken, l.request().loginHint(), l.error(), locale);
        }
        Step.ShowConsent c = (Step.ShowConsent) step;
        return page(HttpStatus.OK, "consent", consentModel(c, csrfToken, locale), locale)
                .cookie(csrf.cookie(csrfToken));
    }

    /** The login page; {@code errorKey} names the message shown above the form (null: none). */
    public MutableHttpResponse<?> login(AuthorizationRequest request, String interactionId, String csrfToken,
                                        @Nullable String username, @Nullable String errorKey, Locale locale) {
        Map<String, Object> model = base(request, interactionId, csrfToken);
        model.put("username", username == null ? "" : username);
        model.put("error", errorKey == null ? null : text(errorKey, locale));
        return page(HttpStatus.OK, "login", model, locale).cookie(csrf.cookie(csrfToken));
    }

    /**
     * The device page ({@code /device}, RFC 8628 §3.3) in one of its steps ({@code view} of the model: {@code login},
     * {@code entry}, {@code consent}, {@code done}); the CSRF token goes into the model and the cookie.
     */
    public MutableHttpResponse<?> device(HttpStatus status, Map<String, Object> model, String csrfToken,
                                         Locale locale) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("csrfToken", csrfToken);
        return page(status, "device", all, locale).cookie(csrf.cookie(csrfToken));
    }

    /** The consent page's groups (per API of {@code audience}, the OIDC scopes apart) for the device page. */
    public List<Map<String, Object>> consentGroups(List<String> scopes, Audience audience, Locale locale) {
        return ConsentGroups.of(scopes, audience, messages, locale);
    }

    /** The logout confirmation form; {@code model} holds the parameters to send on (client, redirect, state). */
    public MutableHttpResponse<?> logoutConfirmation(Map<String, Object> model, String csrfToken, Locale locale) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("csrfToken", csrfToken);
        return page(HttpStatus.OK, "logout", all, locale).cookie(csrf.cookie(csrfToken));
    }

    public MutableHttpResponse<?> loggedOut(Locale locale) {
        return page(HttpStatus.OK, "logged-out", Map.of(), locale);
    }

    /** The error page: {@code title} and {@code message} already in the page's language. */
    public MutableHttpResponse<?> error(HttpStatus status, String title, String message, Locale locale) {
        return page(status, "error", Map.of("title", title, "message", message), locale);
    }

    /** An OAuth error's page: a title and a hint in the page's language, then the error's own (English) words. */
    public MutableHttpResponse<?> protocolError(HttpStatus status, String detail, Locale locale) {
        return page(status, "error", Map.of("title", text("error.title", locale), "hint", text("error.hint", locale),
                "message", detail), locale);
    }

    /** The text of message {@code key} in {@code locale}, {@code {0}} filled with {@code argument} when given. */
    public String text(String key, Locale locale, Object... argument) {
        return messages.text(key, locale, argument);
    }

    private Map<String, Object> consentModel(Step.ShowConsent c, String csrfToken, Locale locale) {
        Map<String, Object> model = base(c.request(), c.interactionId(), csrfToken);
        model.put("scopes", ScopeWords.describe(c.request().scopes(), messages, locale));
        model.put("groups", ConsentGroups.of(c.request(), messages, locale));
        return model;
    }

    private static Map<String, Object> base(AuthorizationRequest request, String interactionId, String csrfToken) {
        Map<String, Object> model = new HashMap<>();
        String name = request.client().metadata().clientName();
        model.put("clientName", name == null ? request.clientId() : name);
        model.put("interaction", interactionId);
        model.put("csrfToken", csrfToken);
        return model;
    }

    /** Rendered here rather than by the views filter, so exception handlers answer the same pages. */
    private MutableHttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model, Locale locale) {
        StringWriter html = new StringWriter();
        thymeleaf.render(view, new Context(locale, model), html);
        return HttpResponse.status(status).contentType(HTML).header(HttpHeaders.CONTENT_LANGUAGE,
                locale.toLanguageTag()).body(html.toString());
    }
}
