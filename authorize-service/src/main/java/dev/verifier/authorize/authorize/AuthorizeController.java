package dev.verifier.authorize.authorize;

import java.util.List;
import java.util.Map;

import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.ClientRedirect;
import dev.verifier.authorize.request.Param;
import dev.verifier.authorize.request.Step;
import dev.verifier.authorize.session.SessionConfiguration;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.web.BrowserCookies;
import dev.verifier.authorize.web.CsrfTokens;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.authorize.web.Pages;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code GET/POST /authorize}: the request's parameters (the query, or a request object or pushed request
 * instead, see {@link RequestResolver}), then client and redirect URI (errors on the error page), then the rest of the request
 * (errors redirected with {@code state} and {@code iss}), then login, consent or the code.
 */
@Controller("/authorize")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthorizeController {

    private final RequestResolver resolver;
    private final AuthorizationRequestValidator validator;
    private final AuthorizationFlow flow;
    private final AuthorizationRedirects redirects;
    private final SessionService sessions;
    private final SessionConfiguration sessionConfig;
    private final CsrfTokens csrf;
    private final Pages pages;
    private final BrowserCookies cookies;

    AuthorizeController(RequestResolver resolver, AuthorizationRequestValidator validator, AuthorizationFlow flow,
                        AuthorizationRedirects redirects, SessionService sessions, SessionConfiguration sessionConfig,
                        CsrfTokens csrf, Pages pages, BrowserCookies cookies) {
        this.cookies = cookies;
        this.resolver = resolver;
        this.validator = validator;
        this.flow = flow;
        this.redirects = redirects;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.csrf = csrf;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> get(HttpRequest<?> request) {
        return authorize(request, new AuthorizationParameters(request.getParameters().asMap()));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> post(HttpRequest<?> request, @Body Map<String, List<String>> form) {
        return authorize(request, new AuthorizationParameters(form));
    }

    private HttpResponse<?> authorize(HttpRequest<?> http, AuthorizationParameters raw) {
        AuthorizationParameters params = resolver.resolve(raw);
        ClientRedirect target = validator.target(params);
        String csrfToken = csrf.tokenOf(http);
        var locale = PageLocales.of(params.get(Param.UI_LOCALES), http);
        try {
            AuthorizationRequest request = validator.validate(params, target);
            var session = sessions.find(cookies.value(http, sessionConfig.cookieName()).orElse(null));
            return pages.step(flow.start(params, request, session, csrfToken), csrfToken, locale);
        } catch (OAuthException e) {
            return pages.step(redirects.error(target, e), csrfToken, locale);
        }
    }
}
