package dev.verifier.authorize.logout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.metrics.FrontChannelMetrics;
import dev.verifier.authorize.session.SessionConfiguration;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.session.SsoSession;
import dev.verifier.authorize.web.BrowserCookies;
import dev.verifier.authorize.web.CsrfTokens;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.authorize.web.Pages;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code GET/POST {issuer}/logout}, the {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0): ends
 * the SSO session of this browser (its row and its cookie) and publishes the end (SessionEnded, through the outbox:
 * token-service revokes the session's refresh tokens and tells the clients over the back channel, never holding up
 * the answer), then redirects to the registered {@code post_logout_redirect_uri} with {@code state}, or shows the
 * signed-out page. Asks first ({@link LogoutDecisions}) on a CSRF-protected page; errors go to the error page.
 */
@Controller("/logout")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LogoutController {

    private final LogoutDecisions decisions;
    private final SessionService sessions;
    private final SessionConfiguration sessionConfig;
    private final BrowserCookies cookies;
    private final CsrfTokens csrf;
    private final Pages pages;
    private final FrontChannelMetrics metrics;
    private final AuditEvents audit;

    LogoutController(LogoutDecisions decisions, SessionService sessions, SessionConfiguration sessionConfig,
                     BrowserCookies cookies, CsrfTokens csrf, Pages pages, FrontChannelMetrics metrics,
                     AuditEvents audit) {
        this.decisions = decisions;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.cookies = cookies;
        this.csrf = csrf;
        this.pages = pages;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Get
    HttpResponse<?> get(HttpRequest<?> http) {
        return logout(http, http.getParameters().asMap());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> post(HttpRequest<?> http, @Body Map<String, List<String>> form) {
        return logout(http, form == null ? Map.of() : form);
    }

    private HttpResponse<?> logout(HttpRequest<?> http, Map<String, List<String>> values) {
        LogoutParameters params = LogoutParameters.parse(values);
        var locale = PageLocales.of(params.uiLocales(), http);
        if (params.confirmed()) {
            csrf.verify(http, params.csrfToken());
        }
        String cookie = cookies.value(http, sessionConfig.cookieName()).orElse(null);
        Optional<SsoSession> session = sessions.find(cookie);
        LogoutDecisions.Decision decision = decisions.decide(params, session);
        if (decision.confirmationNeeded() && !params.confirmed()) {
            metrics.logout("confirmation_shown");
            return pages.logoutConfirmation(confirmationModel(decision, params), csrf.tokenOf(http), locale);
        }
        Optional<SsoSession> ended = sessions.logout(cookie);
        sessions.publishEnded();
        ended.ifPresent(s -> audit.event(AuditType.SESSION_ENDED).actor(s.subject()).subject(s.subject())
                .client(decision.client() == null ? null : decision.client().clientId())
                .detail("reason", "logout").detail("sid", s.sid()).emit());
        MutableHttpResponse<?> answer = decision.redirect()
                .<MutableHttpResponse<?>>map(uri -> HttpResponse.status(HttpStatus.SEE_OTHER)
                        .header(HttpHeaders.LOCATION, uri))
                .orElseGet(() -> pages.loggedOut(locale));
        metrics.logout(decision.redirect().isPresent() ? "redirected" : "logged_out");
        return answer.cookie(cookies.cookie(sessionConfig.cookieName(), "").maxAge(0));
    }

    private static Map<String, Object> confirmationModel(LogoutDecisions.Decision decision, LogoutParameters params) {
        Map<String, Object> model = new HashMap<>();
        if (decision.client() != null) {
            String name = decision.client().metadata().clientName();
            model.put("clientName", name == null ? decision.client().clientId() : name);
            model.put("clientId", decision.client().clientId());
        }
        model.put("postLogoutRedirectUri", decision.redirectUri());
        model.put("state", decision.state());
        model.put("uiLocales", params.uiLocales()); // the signed-out page after the confirmation keeps the language
        return model;
    }
}
