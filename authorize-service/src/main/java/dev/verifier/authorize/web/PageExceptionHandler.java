package dev.verifier.authorize.web;

import java.util.Set;

import dev.verifier.shared.error.OAuthErrorResponses;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.runtime.error.OAuthExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * An {@link OAuthException} on a browser page (before the redirect URI is validated, or a CSRF failure) is shown
 * on the error page with the error's status, never redirected, in the language of the query's {@code ui_locales} or
 * {@code Accept-Language} (the error's own description stays in English); everywhere else it is the RFC error JSON.
 */
@Produces
@Singleton
@Replaces(OAuthExceptionHandler.class)
class PageExceptionHandler implements ExceptionHandler<OAuthException, HttpResponse<?>> {

    private static final Set<String> PAGES = Set.of("/authorize", "/login", "/consent", "/logout", "/device",
            "/device/decision", "/device/login");

    private final Pages pages;

    PageExceptionHandler(Pages pages) {
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OAuthException exception) {
        if (PAGES.contains(request.getPath())) {
            return pages.protocolError(exception.error().status(),
                    exception.description() + " (" + exception.error().code() + ")",
                    PageLocales.of(request.getParameters().get("ui_locales"), request));
        }
        return OAuthErrorResponses.of(exception, request);
    }
}
