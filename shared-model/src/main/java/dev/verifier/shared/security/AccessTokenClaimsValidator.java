package dev.verifier.shared.security;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import dev.verifier.shared.config.VerifierUrls;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.inject.Singleton;

/**
 * The RFC 9068 claim checks of a Verifier resource server: {@code iss} is {@code verifier.urls.issuer}, {@code aud}
 * contains {@code verifier.resource-server.audience} or this service's admin audience (that audience + {@code /admin}:
 * admin scopes count only with it, {@link ScopeRolesFinder}), {@code exp} is present and not passed, {@code nbf} and
 * {@code iat} are not in the future, all with the bounded {@link ResourceServerConfiguration#boundedClockSkew()}.
 */
@Singleton
@Requires(classes = GenericJwtClaimsValidator.class)
@Requires(property = ResourceServerConfiguration.AUDIENCE)
public class AccessTokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final String issuer;
    private final String audience;
    private final String adminAudience;
    private final Duration skew;

    public AccessTokenClaimsValidator(VerifierUrls urls, ResourceServerConfiguration config) {
        this.issuer = urls.issuerId();
        this.audience = config.audience();
        this.adminAudience = config.adminAudience();
        this.skew = config.boundedClockSkew();
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return validate(JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims), Instant.now());
    }

    boolean validate(JWTClaimsSet claims, Instant now) {
        return issuer.equals(claims.getIssuer())
                && audienceMatches(claims.getAudience())
                && notExpired(claims.getExpirationTime(), now)
                && notInFuture(claims.getNotBeforeTime(), now)
                && notInFuture(claims.getIssueTime(), now)
                && hasScopeClaimOfRightType(claims);
    }

    private boolean audienceMatches(List<String> aud) {
        return aud != null && aud.stream().anyMatch(a -> stripSlash(a).equals(stripSlash(audience))
                || a.equals(adminAudience));
    }

    private boolean notExpired(@Nullable Date exp, Instant now) {
        return exp != null && now.minus(skew).isBefore(exp.toInstant());
    }

    private boolean notInFuture(@Nullable Date time, Instant now) {
        return time == null || !time.toInstant().isAfter(now.plus(skew));
    }

    private static boolean hasScopeClaimOfRightType(JWTClaimsSet claims) {
        try {
            claims.getStringClaim(AccessTokenScopes.SCOPE_CLAIM);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
