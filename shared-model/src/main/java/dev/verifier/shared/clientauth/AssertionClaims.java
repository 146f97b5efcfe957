package dev.verifier.shared.clientauth;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.core.annotation.Nullable;

/**
 * The claim checks of RFC 7523 §3 for a client assertion whose signature has been verified: {@code iss} = {@code sub}
 * = client id, {@code aud} one of the accepted audiences, {@code exp} required and not too far ahead, {@code nbf} and
 * {@code iat} not in the future (with skew), {@code jti} required (at most 255 characters) and single use.
 */
final class AssertionClaims {

    /** The longest {@code jti} kept (the stores' column); a longer one is refused, not truncated. */
    static final int MAX_JTI_LENGTH = 255;

    private AssertionClaims() {
    }

    static void check(SignedJWT assertion, String clientId, AuthenticationContext context) {
        JWTClaimsSet claims;
        try {
            claims = assertion.getJWTClaimsSet();
        } catch (ParseException e) {
            throw ClientCredentials.invalidClient("assertion_malformed");
        }
        Instant now = context.clock().instant();
        Instant exp = instant(claims.getExpirationTime());
        String problem = problem(claims, clientId, exp, now, context);
        if (problem != null) {
            throw ClientCredentials.invalidClient(problem);
        }
        // remembered until the assertion can no longer be accepted: its exp plus the skew allowed on it
        if (!context.jtiStore().markUsed(clientId, claims.getJWTID(), exp.plus(context.clockSkew()))) {
            throw ClientCredentials.invalidClient("jti_reused");
        }
    }

    /** The first claim check that fails, as an audit reason; null when all pass. */
    private static @Nullable String problem(JWTClaimsSet claims, String clientId, @Nullable Instant exp, Instant now,
                                            AuthenticationContext context) {
        List<String> aud = claims.getAudience();
        if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
            return "iss_sub_mismatch";
        }
        if (aud == null || aud.stream().noneMatch(context.audiences()::contains)) {
            return "aud_mismatch";
        }
        if (exp == null) {
            return "exp_missing";
        }
        if (!exp.isAfter(now.minus(context.clockSkew()))) {
            return "assertion_expired";
        }
        if (exp.isAfter(now.plus(context.maxAssertionLifetime()).plus(context.clockSkew()))) {
            return "exp_too_far";
        }
        if (!notInFuture(claims.getNotBeforeTime(), now, context)
                || !notInFuture(claims.getIssueTime(), now, context)) {
            return "issued_in_future";
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            return "jti_invalid";
        }
        return null;
    }

    /** A client that registered {@code token_endpoint_auth_signing_alg} must use exactly that algorithm. */
    static void requireRegisteredAlgorithm(SignedJWT assertion, RegisteredClient client) {
        String registered = client.metadata().tokenEndpointAuthSigningAlg();
        if (registered != null && !registered.equals(assertion.getHeader().getAlgorithm().getName())) {
            throw ClientCredentials.invalidClient("alg_not_registered");
        }
    }

    private static boolean notInFuture(Date time, Instant now, AuthenticationContext context) {
        return time == null || !time.toInstant().isAfter(now.plus(context.clockSkew()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
