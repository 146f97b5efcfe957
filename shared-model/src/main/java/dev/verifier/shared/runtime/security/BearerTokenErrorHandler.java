package dev.verifier.shared.runtime.security;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;

import dev.verifier.shared.error.ErrorBody;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthErrorResponses;
import dev.verifier.shared.error.OAuthException;
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
 * same as token-service's internal APIs give. A token whose {@code aud} lacks this service's identifier (and its admin
 * audience) is told so ({@link BearerTokens#forAnotherAudience}): the caller holds the token, so naming what its own
 * {@code aud} lacks reveals nothing, and it tells a team which API a token was issued for.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
@Requires(classes = AuthorizationException.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class BearerTokenErrorHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<ErrorBody>> {

    private final ResourceServerConfiguration config;

    public BearerTokenErrorHandler(ResourceServerConfiguration config) {
        this.config = config;
    }

    @Override
    public MutableHttpResponse<ErrorBody> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return OAuthErrorResponses.of(BearerTokens.insufficientScope());
        }
        Optional<OAuthException> dpopRefusal = request.getAttribute(DPoPBindingValidator.REFUSAL, OAuthException.class);
        if (dpopRefusal.isPresent()) {
            return OAuthErrorResponses.of(dpopRefusal.get());
        }
        String authorization = request.getHeaders().getAuthorization().orElse(null);
        Optional<String> token = BearerTokens.ofEitherScheme(authorization);
        if (token.isEmpty()) {
            return OAuthErrorResponses.of(BearerTokens.missing());
        }
        OAuthException refusal = forAnotherAudience(token.get()) ? BearerTokens.forAnotherAudience(config.audience())
                : BearerTokens.invalid();
        // RFC 9449 §7.1: a request under the DPoP scheme is answered with a DPoP challenge
        return OAuthErrorResponses.of(BearerTokens.ofDpop(authorization).isPresent()
                ? OAuthError.INVALID_DPOP_TOKEN.exception(refusal.description()) : refusal);
    }

    /** Whether the token is a JWT whose {@code aud} holds neither this service's audience nor its admin audience. */
    private boolean forAnotherAudience(String token) {
        try {
            List<String> aud = SignedJWT.parse(token).getJWTClaimsSet().getAudience();
            Set<String> ours = config.rules("").audiences();
            return aud != null && aud.stream().noneMatch(a -> a != null && ours.contains(strip(a)));
        } catch (ParseException e) {
            return false;
        }
    }

    private static String strip(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

}
