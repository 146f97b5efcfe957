package dev.verifier.authorize.user;

import java.util.Map;

import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code GET /internal/users/{subject}/claims?scope=...} for token-service: the user's current claims released by
 * {@code scope} (the grant's), so that a refreshed ID token carries today's claims, not those of the first login.
 * A service token with {@code users.admin} for this service's admin audience (token-service signs its own); 404 for
 * an unknown or disabled user (description "no such user", which token-service tells from a 404 of a copy without
 * this API).
 */
@Controller("/internal/users")
@Secured(AdminScopes.USERS_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserClaimsController {

    /** The answer: the subject and its released claims (without {@code sub}). */
    @Serdeable
    record CurrentClaims(String sub, Map<String, Object> claims) {
    }

    private final UserService users;

    UserClaimsController(UserService users) {
        this.users = users;
    }

    @Get("/{subject}/claims")
    HttpResponse<CurrentClaims> claims(String subject, @Nullable @QueryValue String scope) {
        User user = users.findEnabledBySubject(subject)
                .orElseThrow(() -> OAuthError.NOT_FOUND.exception("no such user"));
        return HttpResponse.ok(new CurrentClaims(user.subject(), ReleasedClaims.of(user, Scopes.parse(scope).values())))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
