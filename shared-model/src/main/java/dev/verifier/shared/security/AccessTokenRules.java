package dev.verifier.shared.security;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.jose.JwtTypes;
import dev.verifier.shared.runtime.security.AccessTokenClaimsValidator;
import dev.verifier.shared.runtime.security.AccessTokenParser;
import io.micronaut.core.annotation.Nullable;

/**
 * The RFC 9068 checks of an access token presented to a Verifier service, whoever makes them: the resource servers
 * through micronaut-security-jwt ({@link AccessTokenParser}, {@link AccessTokenClaimsValidator}) and token-service's
 * internal callers (its admin and jti APIs). Signatures are the caller's business (the JWKS, or token-service's own
 * key ring); which scopes count is {@link AdminScopes#honoured}; the answers are {@link BearerTokens}. Plain Java
 * (no micronaut-security types), so a service without micronaut-security-jwt can use it.
 *
 * @param issuer    the required {@code iss}
 * @param audiences {@code aud} must hold one of these (a trailing slash on either side is ignored)
 * @param clockSkew leeway for {@code exp}, {@code nbf} and {@code iat} ({@code verifier.resource-server.clock-skew}),
 *                  clamped to 0 .. {@link #MAX_CLOCK_SKEW}
 */
public record AccessTokenRules(String issuer, Set<String> audiences, Duration clockSkew) {

    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(2);

    public AccessTokenRules {
        audiences = audiences.stream().map(AccessTokenRules::withoutSlash).collect(Collectors.toUnmodifiableSet());
        clockSkew = bounded(clockSkew);
    }

    /** {@code skew} clamped to 0 .. {@link #MAX_CLOCK_SKEW} (none when null or negative). */
    public static Duration bounded(@Nullable Duration skew) {
        if (skew == null || skew.isNegative()) {
            return Duration.ZERO;
        }
        return skew.compareTo(MAX_CLOCK_SKEW) > 0 ? MAX_CLOCK_SKEW : skew;
    }

    /** Header {@code typ} {@code at+jwt} or {@code application/at+jwt}: an ID token ({@code JWT}) is not one. */
    public static boolean isAccessTokenType(@Nullable JOSEObjectType type) {
        return JwtTypes.isAccessToken(type);
    }

    /**
     * {@code iss} is the issuer, {@code aud} holds one of the audiences, {@code exp} is present and not passed,
     * {@code nbf} and {@code iat} are not in the future (each with the skew), and {@code scope}, when present, is a
     * string.
     */
    public boolean accepts(JWTClaimsSet claims, Instant now) {
        return issuer.equals(claims.getIssuer())
                && audienceMatches(claims.getAudience())
                && notExpired(claims.getExpirationTime(), now)
                && notInFuture(claims.getNotBeforeTime(), now)
                && notInFuture(claims.getIssueTime(), now)
                && scopeIsAString(claims);
    }

    private boolean audienceMatches(@Nullable List<String> aud) {
        return aud != null && aud.stream().anyMatch(a -> a != null && audiences.contains(withoutSlash(a)));
    }

    private boolean notExpired(@Nullable Date exp, Instant now) {
        return exp != null && now.minus(clockSkew).isBefore(exp.toInstant());
    }

    private boolean notInFuture(@Nullable Date time, Instant now) {
        return time == null || !time.toInstant().isAfter(now.plus(clockSkew));
    }

    private static boolean scopeIsAString(JWTClaimsSet claims) {
        try {
            claims.getStringClaim(AccessTokenScopes.SCOPE_CLAIM);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }

    private static String withoutSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
