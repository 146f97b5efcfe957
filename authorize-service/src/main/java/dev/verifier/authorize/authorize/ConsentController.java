package dev.verifier.authorize.authorize;

import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.Param;
import dev.verifier.authorize.request.Step;
import dev.verifier.authorize.session.SessionConfiguration;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.session.SsoSession;
import dev.verifier.authorize.web.BrowserCookies;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.authorize.web.Pages;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** {@code POST /consent}: approve (remembered, then the code) or deny ({@code access_denied}). */
@Controller("/consent")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsentController {

    private final Resumption resumption;
    private final SessionService sessions;
    private final SessionConfiguration sessionConfig;
    private final AuthorizationFlow flow;
    private final AuthorizationRedirects redirects;
    private final Pages pages;
    private final AuditEvents audit;
    private final BrowserCookies cookies;

    ConsentController(Resumption resumption, SessionService sessions, SessionConfiguration sessionConfig,
                      AuthorizationFlow flow, AuthorizationRedirects redirects, Pages pages, AuditEvents audit,
                      BrowserCookies cookies) {
        this.cookies = cookies;
        this.resumption = resumption;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.flow = flow;
        this.redirects = redirects;
        this.pages = pages;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(HttpRequest<?> http, @Nullable @Body("interaction") String interaction,
                           @Nullable @Body("csrf_token") String csrfToken, @Nullable @Body("decision") String decision) {
        Resumption.Resumed resumed = resumption.resume(http, interaction, csrfToken);
        var locale = PageLocales.of(resumed.parameters().get(Param.UI_LOCALES), http);
        SsoSession session = sessions.find(cookies.value(http, sessionConfig.cookieName()).orElse(null))
                .filter(s -> s.id().equals(resumed.interaction().sessionId()))
                .orElseThrow(() -> OAuthError.INVALID_REQUEST.exception(
                        "Your sign-in has ended. Go back to the application and start again."));
        try {
            AuthorizationRequest request = resumption.request(resumed);
            resumption.finish(resumed);
            boolean approved = "approve".equals(decision);
            audit.event(approved ? AuditType.CONSENT_GIVEN : AuditType.CONSENT_DENIED).actor(session.subject())
                    .subject(session.subject()).client(request.clientId()).detail("scope", request.scope()).emit();
            if (!approved) {
                throw OAuthError.ACCESS_DENIED.exception("the user denied the request");
            }
            return pages.step(flow.approve(request, session), csrfToken, locale);
        } catch (OAuthException e) {
            return pages.step(redirects.error(resumed.target(), e), csrfToken, locale);
        }
    }
}
