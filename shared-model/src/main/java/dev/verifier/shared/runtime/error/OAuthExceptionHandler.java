package dev.verifier.shared.runtime.error;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthErrorResponses;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders every {@link OAuthException} as the RFC error JSON. A service with pages replaces it for HTML routes. */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public class OAuthExceptionHandler implements ExceptionHandler<OAuthException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, OAuthException exception) {
        return OAuthErrorResponses.of(exception, request);
    }
}
