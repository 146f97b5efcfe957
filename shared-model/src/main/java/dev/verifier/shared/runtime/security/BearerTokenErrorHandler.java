package dev.verifier.shared.runtime.security;

import java.util.Optional;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthErrorResponses;
import dev.verifier.shared.security.BearerTokens;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
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
 * with no token at all the challenge carries no error code (RFC 6750 §3.1). The answers are {@link BearerTokens}', the
 * same as token-service's internal APIs give.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(classes = AuthorizationException.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class BearerTokenErrorHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<ErrorBody>> {

    @Override
    public MutableHttpResponse<ErrorBody> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return OAuthErrorResponses.of(BearerTokens.insufficientScope());
        }
        return OAuthErrorResponses.of(bearerToken(request).isEmpty() ? BearerTokens.missing() : BearerTokens.invalid());
    }

    private static Optional<String> bearerToken(HttpRequest<?> request) {
        return BearerTokens.of(request.getHeaders().getAuthorization().orElse(null));
    }
}
