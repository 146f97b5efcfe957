package dev.verifier.authorize.web;

import dev.verifier.authorize.code.EventNotConfirmedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A code whose event Kafka did not confirm is never redirected: the user sees a "try again" page (503). */
@Produces
@Singleton
class TryAgainHandler implements ExceptionHandler<EventNotConfirmedException, HttpResponse<?>> {

    private final Pages pages;

    TryAgainHandler(Pages pages) {
        this.pages = pages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, EventNotConfirmedException exception) {
        var locale = PageLocales.of(request.getParameters().get("ui_locales"), request);
        return pages.error(HttpStatus.SERVICE_UNAVAILABLE, pages.text("tryagain.title", locale),
                pages.text("tryagain.message", locale), locale);
    }
}
