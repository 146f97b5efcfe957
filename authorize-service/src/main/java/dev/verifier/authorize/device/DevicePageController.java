package dev.verifier.authorize.device;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.authorize.AuthorizationRequestValidator;
import dev.verifier.authorize.client.ClientLookup;
import dev.verifier.authorize.request.AuthenticationContext;
import dev.verifier.authorize.session.SessionConfiguration;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.session.SsoSession;
import dev.verifier.authorize.user.ReleasedClaims;
import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.web.BrowserCookies;
import dev.verifier.authorize.web.CsrfTokens;
import dev.verifier.authorize.web.PageLocales;
import dev.verifier.authorize.web.Pages;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.event.DeviceGrantEvent;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.throttle.ThrottleConfiguration;
import dev.verifier.shared.throttle.Throttles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The user's page of RFC 8628 §3.3, {@code /device} ({@code verification_uri}; {@code ?user_code=} pre-fills the
 * code): without an SSO session the sign-in form (posted to {@code /device/login}, which comes back here); with one,
 * code entry → the consent (the consent page's groups per API) → approve or deny → done. Every form carries the
 * browser's CSRF token. Each code entered (also at the decision) counts against the user's and the source address's
 * limits ({@code verifier.throttle.user-code-*}) before it is looked up; a wrong, expired or decided code is an error
 * on the page.
 */
@Controller(DevicePageController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DevicePageController {

    public static final String PATH = "/device";

    private final DeviceAuthorizations authorizations;
    private final SessionService sessions;
    private final SessionConfiguration sessionConfig;
    private final UserService users;
    private final ClientLookup clients;
    private final AuthorizationRequestValidator validator;
    private final BrowserCookies cookies;
    private final CsrfTokens csrf;
    private final Pages pages;
    private final Throttles throttles;
    private final ThrottleConfiguration limits;
    private final AuditEvents audit;

    DevicePageController(DeviceAuthorizations authorizations, SessionService sessions,
                         SessionConfiguration sessionConfig, UserService users, ClientLookup clients,
                         AuthorizationRequestValidator validator, BrowserCookies cookies, CsrfTokens csrf,
                         Pages pages, Throttles throttles, ThrottleConfiguration limits, AuditEvents audit) {
        this.authorizations = authorizations;
        this.sessions = sessions;
        this.sessionConfig = sessionConfig;
        this.users = users;
        this.clients = clients;
        this.validator = validator;
        this.cookies = cookies;
        this.csrf = csrf;
        this.pages = pages;
        this.throttles = throttles;
        this.limits = limits;
        this.audit = audit;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> show(HttpRequest<?> http, @Nullable @QueryValue("user_code") String userCode) {
        String token = csrf.tokenOf(http);
        Locale locale = locale(http);
        String code = userCode == null || userCode.length() > 64 ? "" : userCode;
        if (signedIn(http).isEmpty()) {
            return pages.device(HttpStatus.OK, model("login", code), token, locale);
        }
        return pages.device(HttpStatus.OK, model("entry", code), token, locale);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> enter(HttpRequest<?> http, @Nullable @Body("csrf_token") String csrfToken,
                          @Nullable @Body("user_code") String userCode) {
        String token = csrf.verify(http, csrfToken);
        Locale locale = locale(http);
        Optional<SignedIn> user = signedIn(http);
        if (user.isEmpty()) {
            return pages.device(HttpStatus.OK, model("login", userCode), token, locale);
        }
        Optional<DeviceAuthorizations.Pending> pending = lookUp(http, user.get(), userCode);
        if (pending.isEmpty()) {
            return invalidCode(userCode, token, locale);
        }
        RegisteredClient client = clients.find(pending.get().clientId()).orElseThrow(() ->
                OAuthError.INVALID_REQUEST.exception("the application of this code is no longer registered"));
        AuthorizationRequestValidator.Grantable grant = validator.grantable(pending.get().scope(),
                pending.get().resources(), client);
        Map<String, Object> model = model("consent", userCode);
        String name = client.metadata().clientName();
        model.put("clientName", name == null ? client.clientId() : name);
        model.put("groups", pages.consentGroups(grant.scopes(), grant.audience(), locale));
        model.put("userCode", UserCodes.display(UserCodes.normalise(userCode).orElseThrow()));
        return pages.device(HttpStatus.OK, model, token, locale);
    }

    @Post(uri = "/decision", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> decide(HttpRequest<?> http, @Nullable @Body("csrf_token") String csrfToken,
                           @Nullable @Body("user_code") String userCode, @Nullable @Body("decision") String decision) {
        String token = csrf.verify(http, csrfToken);
        Locale locale = locale(http);
        Optional<SignedIn> user = signedIn(http);
        if (user.isEmpty()) {
            return pages.device(HttpStatus.OK, model("login", userCode), token, locale);
        }
        boolean approve = "approve".equals(decision);
        if (!approve && !"deny".equals(decision)) {
            throw OAuthError.INVALID_REQUEST.exception("decision must be approve or deny");
        }
        Optional<DeviceAuthorizations.Pending> pending = lookUp(http, user.get(), userCode);
        if (pending.isEmpty()) {
            return invalidCode(userCode, token, locale);
        }
        SsoSession session = user.get().session();
        DeviceGrantEvent.Approval approval = approve ? new DeviceGrantEvent.Approval(session.subject(),
                session.authTime(), AuthenticationContext.PASSWORD, AuthenticationContext.PASSWORD_METHODS,
                session.sid(), ReleasedClaims.of(user.get().user(), Scopes.parse(pending.get().scope()).asList()))
                : null;
        if (!authorizations.decide(pending.get(), approval)) {
            return invalidCode(userCode, token, locale);
        }
        audit.event(AuditType.DEVICE_AUTHORIZATION_DECIDED).actor(session.subject()).subject(session.subject())
                .client(pending.get().clientId()).detail("decision", approve ? "approved" : "denied").emit();
        Map<String, Object> model = model("done", "");
        model.put("approved", approve);
        return pages.device(HttpStatus.OK, model, token, locale);
    }

    /** The signed-in, enabled user of this browser. */
    private record SignedIn(SsoSession session, User user) {
    }

    private Optional<SignedIn> signedIn(HttpRequest<?> http) {
        return sessions.find(cookies.value(http, sessionConfig.cookieName()).orElse(null))
                .flatMap(s -> users.findEnabledBySubject(s.subject()).map(u -> new SignedIn(s, u)));
    }

    /** Counts the attempt first (429 over a limit), then looks the code up; a miss is audited. */
    private Optional<DeviceAuthorizations.Pending> lookUp(HttpRequest<?> http, SignedIn user, String userCode) {
        throttles.admit(limits.userCodeByUser(), limits.userCodeByAddress(), user.session().subject());
        Optional<DeviceAuthorizations.Pending> pending = authorizations.find(userCode);
        if (pending.isEmpty()) {
            audit.event(AuditType.DEVICE_USER_CODE_FAILED).failure().actor(user.session().subject())
                    .subject(user.session().subject()).emit();
        }
        return pending;
    }

    private HttpResponse<?> invalidCode(String userCode, String token, Locale locale) {
        Map<String, Object> model = model("entry", userCode);
        model.put("error", pages.text("device.code.invalid", locale));
        return pages.device(HttpStatus.BAD_REQUEST, model, token, locale);
    }

    private static Map<String, Object> model(String view, @Nullable String userCode) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("userCode", userCode == null || userCode.length() > 64 ? "" : userCode);
        model.put("username", "");
        return model;
    }

    private static Locale locale(HttpRequest<?> http) {
        return PageLocales.of(http.getParameters().get("ui_locales"), http);
    }
}
