package dev.verifier.authorize.authorize;

import java.time.Clock;
import java.util.Optional;

import dev.verifier.authorize.code.CodeIssuer;
import dev.verifier.authorize.consent.ConsentService;
import dev.verifier.authorize.interaction.InteractionService;
import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.Prompt;
import dev.verifier.authorize.request.Step;
import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.session.SsoSession;
import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.error.OAuthError;
import jakarta.inject.Singleton;

/**
 * Decides the next step of a validated request: login (no session, {@code prompt=login} or {@code select_account},
 * {@code max_age} passed), consent (not remembered for a third-party client, or {@code prompt=consent} for any client,
 * first-party ones included), or the code. With {@code prompt=none} a needed login answers {@code login_required} and
 * a needed consent {@code consent_required}. An {@code id_token_hint} naming another user than the logged-in one
 * shows the login page, or with {@code prompt=none} answers {@code login_required}.
 */
@Singleton
public class AuthorizationFlow {

    private final InteractionService interactions;
    private final SessionService sessions;
    private final UserService users;
    private final ConsentService consents;
    private final CodeIssuer codes;
    private final AuthorizationRedirects redirects;
    private final Clock clock;

    AuthorizationFlow(InteractionService interactions, SessionService sessions, UserService users,
                      ConsentService consents, CodeIssuer codes, AuthorizationRedirects redirects, Clock clock) {
        this.interactions = interactions;
        this.sessions = sessions;
        this.users = users;
        this.consents = consents;
        this.codes = codes;
        this.redirects = redirects;
        this.clock = clock;
    }

    public Step start(AuthorizationParameters params, AuthorizationRequest request, Optional<SsoSession> session,
                      String csrfToken) {
        if (session.isPresent() && request.idTokenHintSubject() != null
                && !request.idTokenHintSubject().equals(session.get().subject())) {
            // OIDC Core §3.1.2.1: the hint names another user than the one logged in
            if (request.prompts(Prompt.NONE)) {
                throw OAuthError.LOGIN_REQUIRED.exception("the logged-in user is not the one id_token_hint names");
            }
            return login(params, request, csrfToken);
        }
        if (session.isEmpty() || request.prompts(Prompt.LOGIN) || request.prompts(Prompt.SELECT_ACCOUNT)
                || maxAgePassed(request, session.get())) {
            return login(params, request, csrfToken);
        }
        return afterLogin(params, request, session.get(), csrfToken);
    }

    public Step afterLogin(AuthorizationParameters params, AuthorizationRequest request, SsoSession session,
                           String csrfToken) {
        Optional<User> user = users.findBySubject(session.subject());
        if (user.isEmpty()) {
            sessions.end(session.id());
            return login(params, request, csrfToken);
        }
        boolean consentNeeded = request.prompts(Prompt.CONSENT) || (!request.client().firstParty()
                && !consents.covers(session.subject(), request.clientId(), request.scopes()));
        if (consentNeeded) {
            if (request.prompts(Prompt.NONE)) {
                throw OAuthError.CONSENT_REQUIRED.exception("the user has not consented to this request");
            }
            return new Step.ShowConsent(request, interactions.start(params, csrfToken, session.id()));
        }
        return issue(request, user.get(), session);
    }

    public Step approve(AuthorizationRequest request, SsoSession session) {
        consents.remember(session.subject(), request.clientId(), request.scopes());
        User user = users.findBySubject(session.subject())
                .orElseThrow(() -> OAuthError.LOGIN_REQUIRED.exception("the user no longer exists"));
        return issue(request, user, session);
    }

    private Step login(AuthorizationParameters params, AuthorizationRequest request, String csrfToken) {
        if (request.prompts(Prompt.NONE)) {
            throw OAuthError.LOGIN_REQUIRED.exception("the user is not logged in");
        }
        return new Step.ShowLogin(request, interactions.start(params, csrfToken, null), null);
    }

    private Step issue(AuthorizationRequest request, User user, SsoSession session) {
        return redirects.code(request.target(), codes.issue(request, user, session));
    }

    private boolean maxAgePassed(AuthorizationRequest request, SsoSession session) {
        return request.maxAge() != null
                && clock.instant().isAfter(session.authTime().plusSeconds(request.maxAge()));
    }
}
