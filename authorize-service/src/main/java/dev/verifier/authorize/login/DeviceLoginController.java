package dev.verifier.authorize.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.metrics.FrontChannelMetrics;
import dev.verifier.authorize.password.PasswordHashingBusy;
import dev.verifier.authorize.session.SessionConfiguration;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.web.BrowserCookies;
import dev.verifier.authorize.web.CsrfTokens;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.authorize.web.Pages;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.runtime.web.SourceAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
 * {@code POST /device/login}: the sign-in form of the device page (RFC 8628 §3.3), with the login's machinery — the
 * browser's CSRF token, {@link LoginThrottle} (counted before the password is checked), one message for every failure,
 * a new SSO session — then back to {@code /device} with the code the user came with.
 */
@Controller("/device/login")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceLoginController {

    private final CsrfTokens csrf;
    private final LoginThrottle throttle;
    private final SourceAddresses sourceAddress;
    private final UserService users;
    private final SessionService sessions;
    private final SessionConfiguration sessionConfig;
    private final BrowserCookies cookies;
    private final Pages pages;
    private final FrontChannelMetrics metrics;
    private final AuditEvents audit;

    DeviceLoginController(CsrfTokens csrf, LoginThrottle throttle, SourceAddresses sourceAddress, UserService users,
                          SessionService sessions, SessionConfiguration sessionConfig, BrowserCookies cookies,
                          Pages pages, FrontChannelMetrics metrics, AuditEvents audit) {
        this.csrf = csrf;
        this.throttle = throttle;
        this.sourceAddress = sourceAddress;
        this.users = users;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.cookies = cookies;
        this.pages = pages;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> login(HttpRequest<?> http, @Nullable @Body("csrf_token") String csrfToken,
                          @Nullable @Body("username") String username, @Nullable @Body("password") String password,
                          @Nullable @Body("user_code") String userCode) {
        String token = csrf.verify(http, csrfToken);
        Locale locale = PageLocales.of(http.getParameters().get("ui_locales"), http);
        String code = userCode == null || userCode.length() > 64 ? "" : userCode;
        LoginThrottle.Attempt attempt = throttle.begin(username, sourceAddress.of(http));
        if (!attempt.allowed()) {
            audit.event(AuditType.LOGIN_THROTTLED).failure().emit();
            metrics.login("throttled");
            return pages.error(HttpStatus.TOO_MANY_REQUESTS, pages.text("login.throttled.title", locale),
                    pages.text("login.throttled.message", locale, throttle.windowMinutes()), locale);
        }
        Optional<User> user;
        try {
            user = users.authenticate(username, password);
        } catch (PasswordHashingBusy e) {
            audit.event(AuditType.LOGIN_THROTTLED).detail("reason", "password_hashing_busy").failure().emit();
            metrics.login("hashing_busy");
            return pages.error(HttpStatus.TOO_MANY_REQUESTS, pages.text("login.throttled.title", locale),
                    pages.text("login.busy.message", locale), locale);
        }
        if (user.isEmpty()) {
            audit.event(AuditType.LOGIN_FAILED).failure().emit();
            metrics.login("failed");
            Map<String, Object> model = new HashMap<>();
            model.put("view", "login");
            model.put("userCode", code);
            model.put("username", username == null || username.length() > 128 ? "" : username);
            model.put("error", pages.text(LoginController.FAILED, locale));
            return pages.device(HttpStatus.OK, model, token, locale);
        }
        throttle.succeeded(attempt);
        audit.event(AuditType.LOGIN_SUCCEEDED).actor(user.get().subject()).subject(user.get().subject()).emit();
        metrics.login("ok");
        sessions.endByCookie(cookies.value(http, sessionConfig.cookieName()).orElse(null));
        SessionService.Started started = sessions.start(user.get());
        String back = "/device" + (code.isEmpty() ? "" : "?user_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, back)
                .cookie(cookies.cookie(sessionConfig.cookieName(), started.cookieValue()));
    }
}
