package dev.verifier.authorize.userinfo;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.verifier.authorize.user.ReleasedClaims;
import dev.verifier.authorize.user.User;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.security.BearerTokens;
import dev.verifier.shared.security.AccessTokenScopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.rules.SecurityRule;

/**
 * OIDC Core §5.3 UserInfo (GET and POST): an access token for this issuer with scope {@code openid}, in the
 * {@code Authorization} header or (POST, RFC 6750 §2.2) as {@code access_token} in a form body — one of the two, never
 * both ({@code invalid_request}). A token revoked at token-service is refused ({@code invalid_token},
 * {@link AccessTokenStatus}). Answers {@code sub} (the same subject as the ID token) and the claims the token's scopes
 * release. A DPoP-bound token (RFC 9449) comes as {@code Authorization: DPoP} with its proof, checked with the other
 * resource servers' rules (shared-model {@code runtime.security.DPoPBindingValidator}; htu {@code {issuer}/userinfo}).
 */
@Controller("/userinfo")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserInfoController {

    private final UserService users;
    private final AccessTokenStatus status;
    private final FormTokenAuthentication formTokens;

    UserInfoController(UserService users, AccessTokenStatus status, FormTokenAuthentication formTokens) {
        this.users = users;
        this.status = status;
        this.formTokens = formTokens;
    }

    @Get
    @Secured("openid")
    HttpResponse<Map<String, Object>> get(HttpRequest<?> http, Authentication authentication) {
        return userinfo(authentication, headerToken(http));
    }

    /** Anonymous at the filter, which cannot read a form body: the token is checked here, from either place. */
    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<Map<String, Object>> post(HttpRequest<?> http, @Nullable Authentication authentication,
                                           @Body @Nullable String body) {
        String header = headerToken(http);
        String form = http.getContentType().filter(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).isPresent()
                ? FormAccessToken.of(body) : null;
        if (form != null && http.getHeaders().getAuthorization().isPresent()) {
            throw OAuthError.INVALID_REQUEST.exception(
                    "send the access token one way only: the Authorization header or the form body (RFC 6750)");
        }
        if (form != null) {
            Authentication fromForm = formTokens.authenticate(form, http);
            AccessTokenScopes.require(fromForm, "openid");
            return userinfo(fromForm, form);
        }
        if (authentication == null || header == null) {
            throw new AuthorizationException(null); // 401: the Bearer challenge, with invalid_token if one was sent
        }
        AccessTokenScopes.require(authentication, "openid");
        return userinfo(authentication, header);
    }

    private HttpResponse<Map<String, Object>> userinfo(Authentication authentication, String token) {
        Object jti = authentication.getAttributes().get("jti");
        Instant exp = instant(authentication.getAttributes().get("exp"));
        if (jti == null || exp == null || !status.active(jti.toString(), token, exp)) {
            throw OAuthError.INVALID_TOKEN.exception("the access token has been revoked or is no longer active");
        }
        User user = users.findBySubject(authentication.getName()).orElseThrow(
                () -> OAuthError.INVALID_TOKEN.exception("the user of this access token no longer exists"));
        Set<String> scopes = AccessTokenScopes.of(authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", user.subject());
        body.putAll(ReleasedClaims.of(user, scopes));
        return HttpResponse.ok(body).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The token under the Bearer or the DPoP scheme (the DPoP proof was checked by the security filter). */
    @Nullable
    private static String headerToken(HttpRequest<?> http) {
        return BearerTokens.ofEitherScheme(http.getHeaders().getAuthorization().orElse(null)).orElse(null);
    }

    @Nullable
    private static Instant instant(@Nullable Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return value instanceof Instant instant ? instant : null;
    }
}
