package dev.verifier.shared.security;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthErrorResponses;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * RFC 6750 §3 answers when micronaut-security refuses a request: 401 {@code invalid_token} when the bearer token is
 * missing or did not validate, 403 {@code insufficient_scope} when it is valid but a {@code @Secured} scope is missing.
 * Always the RFC error JSON with {@code Cache-Control: no-store} and a {@code WWW-Authenticate: Bearer} challenge;
 * with no token at all the challenge carries no error code (RFC 6750 §3.1).
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(classes = AuthorizationException.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class BearerTokenErrorHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<ErrorBody>> {

    static final String CHALLENGE_WITHOUT_TOKEN = "Bearer";

    @Override
    public MutableHttpResponse<ErrorBody> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return OAuthErrorResponses.of(OAuthError.INSUFFICIENT_SCOPE.exception(
                    "the access token lacks the scope this resource requires"));
        }
        if (!hasBearerToken(request)) {
            MutableHttpResponse<ErrorBody> response =
                    OAuthErrorResponses.of(OAuthError.INVALID_TOKEN.exception("a bearer access token is required"));
            response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
            return response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE_WITHOUT_TOKEN);
        }
        return OAuthErrorResponses.of(OAuthError.INVALID_TOKEN.exception(
                "the access token is invalid, expired, or not issued for this resource server"));
    }

    private static boolean hasBearerToken(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7) && value.length() > 7)
                .isPresent();
    }
}
