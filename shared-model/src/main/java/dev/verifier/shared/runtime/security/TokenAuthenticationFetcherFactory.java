package dev.verifier.shared.runtime.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;

/**
 * micronaut-security's bearer-token authentication, without its {@code TokenValidatedEvent}: for every validated token
 * the library resolved the request's host (a bean lookup and the forwarding headers parsed) and locale and published an
 * event carrying the raw token, which nothing in Verifier reads (4.4 % of resource-api's samples during validation).
 * The tokens are found and validated exactly as before; no event is published, so the host and locale it would carry
 * are not resolved.
 */
@Factory
@Requires(classes = TokenAuthenticationFetcher.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
class TokenAuthenticationFetcherFactory {

    /** Never consulted: the event it would localise is not published. */
    private static final HttpLocaleResolver UNUSED_LOCALE = new HttpLocaleResolver() {
        @Override
        public Optional<Locale> resolve(HttpRequest<?> request) {
            return Optional.empty();
        }

        @Override
        public Locale resolveOrDefault(HttpRequest<?> request) {
            return Locale.ROOT;
        }
    };

    @Singleton
    @Replaces(TokenAuthenticationFetcher.class)
    TokenAuthenticationFetcher tokenAuthenticationFetcher(List<TokenValidator<HttpRequest<?>>> validators,
                                                          TokenResolver<HttpRequest<?>> resolver) {
        return new TokenAuthenticationFetcher(validators, resolver, ApplicationEventPublisher.noOp(),
                request -> null, UNUSED_LOCALE);
    }
}
