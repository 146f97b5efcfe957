package dev.verifier.shared.runtime.security;

import java.time.Instant;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.security.AccessTokenRules;
import dev.verifier.shared.security.ResourceServerConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;

/**
 * The RFC 9068 claim checks of a Verifier resource server, for micronaut-security-jwt: {@link AccessTokenRules} with
 * {@code iss} = {@code verifier.urls.issuer}, {@code aud} holding {@code verifier.resource-server.audience} or this
 * service's admin audience (that audience + {@code /admin}: admin scopes count only with it, {@link ScopeRolesFinder}),
 * and the bounded {@code verifier.resource-server.clock-skew}.
 */
@Singleton
@Requires(classes = GenericJwtClaimsValidator.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class AccessTokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final AccessTokenRules rules;

    public AccessTokenClaimsValidator(VerifierUrls urls, ResourceServerConfiguration config) {
        this.rules = config.rules(urls.issuerId());
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return rules.accepts(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims), Instant.now());
    }
}
