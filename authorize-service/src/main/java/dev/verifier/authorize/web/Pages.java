package dev.verifier.authorize.web;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.verifier.authorize.authorize.AuthorizationRequest;
import dev.verifier.authorize.authorize.Step;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.context.Context;

/** Turns a {@link Step} or an error into an HTTP answer: a Thymeleaf page or a 303 redirect to the client. */
@Singleton
public class Pages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final CsrfTokens csrf;
    private final ThymeleafViewsRenderer<?> thymeleaf;

    Pages(CsrfTokens csrf, ThymeleafViewsRenderer<?> thymeleaf) {
        this.csrf = csrf;
        this.thymeleaf = thymeleaf;
    }

    public MutableHttpResponse<?> step(Step step, String csrfToken) {
        if (step instanceof Step.Redirect r) {
            return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, r.location());
        }
        if (step instanceof Step.ShowLogin l) {
            return login(l.request(), l.interactionId(), csrfToken, l.request().loginHint(), l.error());
        }
        Step.ShowConsent c = (Step.ShowConsent) step;
        return page(HttpStatus.OK, "consent", consentModel(c, csrfToken)).cookie(csrf.cookie(csrfToken));
    }

    public MutableHttpResponse<?> login(AuthorizationRequest request, String interactionId, String csrfToken,
                                        String username, String error) {
        Map<String, Object> model = base(request, interactionId, csrfToken);
        model.put("username", username == null ? "" : username);
        model.put("error", error);
        return page(HttpStatus.OK, "login", model).cookie(csrf.cookie(csrfToken));
    }

    /** The logout confirmation form; {@code model} holds the parameters to send on (client, redirect, state). */
    public MutableHttpResponse<?> logoutConfirmation(Map<String, Object> model, String csrfToken) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("csrfToken", csrfToken);
        return page(HttpStatus.OK, "logout", all).cookie(csrf.cookie(csrfToken));
    }

    public MutableHttpResponse<?> loggedOut() {
        return page(HttpStatus.OK, "logged-out", Map.of());
    }

    public MutableHttpResponse<?> error(HttpStatus status, String title, String message) {
        return page(status, "error", Map.of("title", title, "message", message));
    }

    private Map<String, Object> consentModel(Step.ShowConsent c, String csrfToken) {
        Map<String, Object> model = base(c.request(), c.interactionId(), csrfToken);
        model.put("scopes", ScopeWords.describe(c.request().scopes()));
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
    private MutableHttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        StringWriter html = new StringWriter();
        thymeleaf.render(view, new Context(Locale.ENGLISH, model), html);
        return HttpResponse.status(status).contentType(HTML).body(html.toString());
    }
}
