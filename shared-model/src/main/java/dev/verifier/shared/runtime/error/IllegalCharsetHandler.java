package dev.verifier.shared.runtime.error;

import java.nio.charset.IllegalCharsetNameException;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthErrorResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A `Content-Type` whose charset parameter the body readers cannot use: 400 {@code invalid_request}, not a 500. */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public class IllegalCharsetHandler implements ExceptionHandler<IllegalCharsetNameException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, IllegalCharsetNameException exception) {
        return OAuthErrorResponses.of(OAuthError.INVALID_REQUEST.exception("the Content-Type names a charset that is not a valid charset name"));
    }
}
