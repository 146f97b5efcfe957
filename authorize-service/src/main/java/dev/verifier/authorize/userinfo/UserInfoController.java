package dev.verifier.authorize.userinfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.verifier.authorize.code.ReleasedClaims;
import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.security.AccessTokenScopes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * OIDC Core §5.3 UserInfo (GET and POST): an access token for this issuer with scope {@code openid}; answers
 * {@code sub} (the same subject as the ID token) and the claims the token's scopes release.
 */
@Controller("/userinfo")
@Secured("openid")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserInfoController {

    private final UserService users;

    UserInfoController(UserService users) {
        this.users = users;
    }

    @Get
    HttpResponse<Map<String, Object>> get(Authentication authentication) {
        return userinfo(authentication);
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    HttpResponse<Map<String, Object>> post(Authentication authentication) {
        return userinfo(authentication);
    }

    private HttpResponse<Map<String, Object>> userinfo(Authentication authentication) {
        User user = users.findBySubject(authentication.getName()).orElseThrow(
                () -> OAuthError.INVALID_TOKEN.exception("the user of this access token no longer exists"));
        Set<String> scopes = AccessTokenScopes.of(authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", user.subject());
        body.putAll(ReleasedClaims.of(user, scopes));
        return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
