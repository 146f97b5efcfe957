package dev.verifier.authorize.user.admin;

import dev.verifier.authorize.session.SessionService;
import dev.verifier.authorize.user.NewUser;
import dev.verifier.authorize.user.PasswordChange;
import dev.verifier.authorize.user.UserClaims;
import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.user.UserSession;
import dev.verifier.authorize.user.UserView;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.event.SessionEnded;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/** The users admin API (ARCHITECTURE.md), for bearer tokens with scope {@code users.admin}. */
@Controller("/admin/users")
@Secured("users.admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserAdminController {

    private final UserService users;
    private final SessionService sessions;
    private final AuditEvents audit;

    UserAdminController(UserService users, SessionService sessions, AuditEvents audit) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
    }

    @Post
    HttpResponse<UserView> create(@Body NewUser request, Authentication admin) {
        UserView created = users.create(request);
        adminAction(admin, "user_created", created.username());
        return HttpResponse.created(created);
    }

    @Get("/{username}")
    UserView read(String username) {
        return users.find(username).orElseThrow(UserAdminController::notFound);
    }

    /** Replaces the user's standard claims (a claim left out is removed) and sets {@code updated_at}. */
    @Put("/{username}/claims")
    UserView replaceClaims(String username, @Body UserClaims claims, Authentication admin) {
        UserView updated = users.replaceClaims(username, claims).orElseThrow(UserAdminController::notFound);
        adminAction(admin, "claims_updated", username);
        return updated;
    }

    @Delete("/{username}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(String username, Authentication admin) {
        if (!users.delete(username)) {
            throw notFound();
        }
        sessions.publishEnded();
        adminAction(admin, "user_deleted", username);
    }

    /** The user's active SSO sessions: public id ({@code sid}) and times. */
    @Get("/{username}/sessions")
    UserSession.Listing sessions(String username) {
        UserView user = users.find(username).orElseThrow(UserAdminController::notFound);
        return new UserSession.Listing(sessions.list(user.sub()).stream()
                .map(s -> new UserSession(s.sid(), s.authTime(), s.lastSeenAt(), s.expiresAt())).toList());
    }

    /** Ends every session of the user (refresh tokens with offline_access stay valid). */
    @Delete("/{username}/sessions")
    @Status(HttpStatus.NO_CONTENT)
    void endSessions(String username, Authentication admin) {
        UserView user = users.find(username).orElseThrow(UserAdminController::notFound);
        sessions.endAll(user.sub(), SessionEnded.Reason.ADMIN);
        sessions.publishEnded();
        adminAction(admin, "sessions_ended", username);
    }

    @Post("/{username}/disable")
    @Status(HttpStatus.NO_CONTENT)
    void disable(String username, Authentication admin) {
        if (!users.disable(username)) {
            throw notFound();
        }
        sessions.publishEnded();
        adminAction(admin, "user_disabled", username);
    }

    @Post("/{username}/enable")
    @Status(HttpStatus.NO_CONTENT)
    void enable(String username, Authentication admin) {
        if (!users.enable(username)) {
            throw notFound();
        }
        adminAction(admin, "user_enabled", username);
    }

    @Post("/{username}/password")
    @Status(HttpStatus.NO_CONTENT)
    void changePassword(String username, @Body PasswordChange change, Authentication admin) {
        if (!users.changePassword(username, change.password())) {
            throw notFound();
        }
        sessions.publishEnded();
        adminAction(admin, "password_changed", username);
    }

    /** Never the password: only what was done to which user, and by whom. */
    private void adminAction(Authentication admin, String action, String username) {
        audit.event(AuditType.ADMIN_ACTION).actor(admin.getName()).detail("action", action)
                .detail("username", username).emit();
    }

    private static RuntimeException notFound() {
        return OAuthError.NOT_FOUND.exception("no such user");
    }
}
