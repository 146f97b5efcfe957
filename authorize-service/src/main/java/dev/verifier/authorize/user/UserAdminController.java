package dev.verifier.authorize.user;

import dev.verifier.shared.error.OAuthError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** The users admin API (ARCHITECTURE.md), for bearer tokens with scope {@code users.admin}. */
@Controller("/admin/users")
@Secured("users.admin")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserAdminController {

    private final UserService users;

    UserAdminController(UserService users) {
        this.users = users;
    }

    @Post
    HttpResponse<UserView> create(@Body NewUser request) {
        return HttpResponse.created(users.create(request));
    }

    @Get("/{username}")
    UserView read(String username) {
        return users.find(username).orElseThrow(UserAdminController::notFound);
    }

    @Delete("/{username}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(String username) {
        if (!users.delete(username)) {
            throw notFound();
        }
    }

    @Post("/{username}/password")
    @Status(HttpStatus.NO_CONTENT)
    void changePassword(String username, @Body PasswordChange change) {
        if (!users.changePassword(username, change.password())) {
            throw notFound();
        }
    }

    private static RuntimeException notFound() {
        return OAuthError.NOT_FOUND.exception("no such user");
    }
}
