package dev.verifier.shared.runtime.error;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Micronaut's own errors (malformed body, missing parameter, unknown route, wrong method, unsupported media type, an
 * Accept header that no answer matches, unexpected failure) answered in the same RFC shape as ours, never with a stack
 * trace or framework message. A body over {@code micronaut.server.max-request-size} (413) also closes the connection.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class OAuthErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

    @Override
    @NonNull
    public MutableHttpResponse<ErrorBody> processResponse(@NonNull ErrorContext context,
                                                          @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        ErrorBody body = new ErrorBody(code(status), description(status));
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE) {
            // the rest of the oversized body is never read: close the connection after the answer, or a client still
            // sending it waits for the idle timeout (minutes) before it sees the 413
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(body);
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> OAuthError.NOT_FOUND.code();
            case METHOD_NOT_ALLOWED -> OAuthError.METHOD_NOT_ALLOWED.code();
            case UNAUTHORIZED -> OAuthError.INVALID_TOKEN.code();
            case FORBIDDEN -> OAuthError.ACCESS_DENIED.code();
            case SERVICE_UNAVAILABLE -> OAuthError.TEMPORARILY_UNAVAILABLE.code();
            default -> status.getCode() >= 500 ? OAuthError.SERVER_ERROR.code() : OAuthError.INVALID_REQUEST.code();
        };
    }

    private static String description(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "method not allowed on this resource";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported content type";
            case NOT_ACCEPTABLE -> "no representation of this resource matches the Accept header";
            case UNAUTHORIZED -> "authentication required";
            case FORBIDDEN -> "not allowed";
            default -> status.getCode() >= 500 ? "the server could not complete the request" : "malformed request";
        };
    }
}
