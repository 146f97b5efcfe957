package dev.verifier.shared.runtime.error;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthErrorResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.DecoderException;
import jakarta.inject.Singleton;

/**
 * A body Netty cannot decode — broken percent-encoding in a form, a body that claims a {@code Content-Encoding} it
 * does not have — is the client's mistake: 400 {@code invalid_request} in the RFC shape, not the 500 Micronaut gives
 * an exception it does not know.
 */
@Produces
@Singleton
@Requires(classes = ExceptionHandler.class)
public class MalformedBodyHandler implements ExceptionHandler<DecoderException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, DecoderException exception) {
        return OAuthErrorResponses.of(OAuthError.INVALID_REQUEST.exception("the request body could not be decoded"));
    }
}
