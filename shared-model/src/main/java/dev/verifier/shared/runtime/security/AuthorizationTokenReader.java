package dev.verifier.shared.runtime.security;

import java.util.Optional;

import dev.verifier.shared.security.BearerTokens;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

/**
 * Reads the access token of {@code Authorization: Bearer <token>} (RFC 6750 §2.1) or {@code Authorization: DPoP <token>}
 * (RFC 9449 §7.1) with {@link BearerTokens}, the one rule for both schemes, in place of micronaut-security's bearer
 * reader (which, with a second reader for DPoP beside it, lower-cased the whole header, token included, once per
 * scheme on every request). {@link DPoPBindingValidator} then decides which scheme the token may come under.
 */
@Singleton
@Replaces(BearerTokenReader.class)
@Requires(classes = BearerTokenReader.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class AuthorizationTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return BearerTokens.ofEitherScheme(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    }
}
