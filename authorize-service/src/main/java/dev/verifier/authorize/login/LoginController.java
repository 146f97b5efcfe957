package dev.verifier.authorize.login;

import java.util.Optional;

import dev.verifier.authorize.authorize.AuthorizationFlow;
import dev.verifier.authorize.authorize.AuthorizationRedirects;
import dev.verifier.authorize.authorize.Resumption;
import dev.verifier.authorize.metrics.FrontChannelMetrics;
import dev.verifier.authorize.password.PasswordHashingBusy;
import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.Param;
import dev.verifier.authorize.request.Step;
import dev.verifier.authorize.session.SessionConfiguration;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.web.BrowserCookies;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.authorize.web.Pages;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.runtime.web.SourceAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code POST /login}: CSRF and interaction check, throttling, password check (one message for unknown user and
 * wrong password), then a new SSO session and the next step of the flow.
 */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    /** The one message for an unknown user, a wrong password and a disabled user. */
    static final String FAILED = "login.failed";

    private final Resumption resumption;
    private final LoginThrottle throttle;
    private final SourceAddresses sourceAddress;
    private final UserService users;
    private final SessionService sessions;
    private final SessionConfiguration sessionConfig;
    private final AuthorizationFlow flow;
    private final AuthorizationRedirects redirects;
    private final BrowserCookies cookies;
    private final Pages pages;
    private final FrontChannelMetrics metrics;
    private final AuditEvents audit;

    LoginController(Resumption resumption, LoginThrottle throttle, SourceAddresses sourceAddress, UserService users,
                    SessionService sessions, SessionConfiguration sessionConfig, AuthorizationFlow flow,
                    AuthorizationRedirects redirects, BrowserCookies cookies, Pages pages,
                    FrontChannelMetrics metrics, AuditEvents audit) {
        this.resumption = resumption;
        this.throttle = throttle;
        this.sourceAddress = sourceAddress;
        this.users = users;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.flow = flow;
        this.redirects = redirects;
        this.cookies = cookies;
        this.pages = pages;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(HttpRequest<?> http, @Nullable @Body("interaction") String interaction,
                          @Nullable @Body("csrf_token") String csrfToken, @Nullable @Body("username") String username,
                          @Nullable @Body("password") String password) {
        Resumption.Resumed resumed = resumption.resume(http, interaction, csrfToken);
        var locale = PageLocales.of(resumed.parameters().get(Param.UI_LOCALES), http);
        String address = sourceAddress.of(http);
        LoginThrottle.Attempt attempt = throttle.begin(username, address);
        if (!attempt.allowed()) {
            audit.event(AuditType.LOGIN_THROTTLED).failure().emit();
            metrics.login("throttled");
            return pages.error(HttpStatus.TOO_MANY_REQUESTS, pages.text("login.throttled.title", locale),
                    pages.text("login.throttled.message", locale, throttle.windowMinutes()), locale);
        }
        try {
            AuthorizationRequest request = resumption.request(resumed);
            Optional<User> user = users.authenticate(username, password);
            if (user.isEmpty()) {
                audit.event(AuditType.LOGIN_FAILED).client(request.clientId()).failure().emit();
                metrics.login("failed");
                return pages.login(request, interaction, csrfToken, username, FAILED, locale);
            }
            throttle.succeeded(attempt);
            audit.event(AuditType.LOGIN_SUCCEEDED).actor(user.get().subject()).subject(user.get().subject())
                    .client(request.clientId()).emit();
            metrics.login("ok");
            sessions.endByCookie(cookies.value(http, sessionConfig.cookieName()).orElse(null));
            SessionService.Started started = sessions.start(user.get());
            resumption.finish(resumed);
            Step next = flow.afterLogin(resumed.parameters(), request, started.session(), csrfToken);
            return pages.step(next, csrfToken, locale)
                    .cookie(cookies.cookie(sessionConfig.cookieName(), started.cookieValue()));
        } catch (PasswordHashingBusy e) { // every hashing slot of this copy stayed busy: nothing was checked
            audit.event(AuditType.LOGIN_THROTTLED).detail("reason", "password_hashing_busy").failure().emit();
            metrics.login("hashing_busy");
            return pages.error(HttpStatus.TOO_MANY_REQUESTS, pages.text("login.throttled.title", locale),
                    pages.text("login.busy.message", locale), locale);
        } catch (OAuthException e) {
            return pages.step(redirects.error(resumed.target(), e), csrfToken, locale);
        }
    }
}
