package dev.verifier.authorize.userinfo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.verifier.shared.error.OAuthError;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Validates an access token sent in the form body (the security filter reads only the {@code Authorization} header)
 * with the very validators the filter uses for a header token: signature against token-service's JWKS,
 * {@code typ: at+jwt}, {@code iss}, this service's {@code aud}, {@code exp}.
 */
@Singleton
class FormTokenAuthentication {

    private static final long TIMEOUT_SECONDS = 10;

    private final List<TokenValidator<HttpRequest<?>>> validators;

    FormTokenAuthentication(List<TokenValidator<HttpRequest<?>>> validators) {
        this.validators = validators;
    }

    Authentication authenticate(String token, HttpRequest<?> http) {
        for (TokenValidator<HttpRequest<?>> validator : validators) {
            Authentication authentication = first(validator.validateToken(token, http));
            if (authentication != null) {
                return authentication;
            }
        }
        throw OAuthError.INVALID_TOKEN.exception(
                "the access token is invalid, expired, or not issued for this resource server");
    }

    /** The publisher's first element; null when it has none, fails, or takes too long (the JWKS may be fetched). */
    private static Authentication first(Publisher<Authentication> publisher) {
        CompletableFuture<Authentication> first = new CompletableFuture<>();
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(Authentication authentication) {
                first.complete(authentication);
            }

            @Override
            public void onError(Throwable error) {
                first.complete(null);
            }

            @Override
            public void onComplete() {
                first.complete(null);
            }
        });
        try {
            return first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
