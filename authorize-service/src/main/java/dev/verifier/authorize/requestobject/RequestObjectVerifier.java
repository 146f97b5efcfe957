package dev.verifier.authorize.requestobject;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.Param;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.ClientKeySource;
import dev.verifier.shared.clientauth.ClientSignatures;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.jose.Algorithms;
import jakarta.inject.Singleton;

/**
 * Verifies a request object (RFC 9101) and answers its authorization parameters, which alone are used (§6.3). It must
 * be a JWS with one of {@link #ALGORITHMS} (the client's registered {@code request_object_signing_alg} if it has
 * one) made with the client's key, and no {@code typ} of another kind of JWT; {@code alg: none}, HMAC and encrypted
 * objects are refused. Claims: {@code iss} =
 * the client, {@code aud} holds the issuer, {@code exp} required and at most {@code max-lifetime} ahead,
 * {@code nbf}/{@code iat} not in the future, {@code client_id} = the client, no nested {@code request}/{@code request_uri}.
 * Every failure is {@code invalid_request_object}.
 */
@Singleton
public class RequestObjectVerifier {

    public static final List<String> ALGORITHMS = Algorithms.REQUEST_OBJECT;
    /** {@code typ} values a request object may carry (RFC 9101 §10.8), so that no other JWT passes for one. */
    private static final Set<String> TYPES = Set.of("oauth-authz-req+jwt", "jwt");
    /** JWT claims that are not authorization parameters. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "aud", "exp", "nbf", "iat", "jti", "sub");

    private final ClientKeySource keys;
    private final RequestObjectConfiguration config;
    private final String issuer;
    private final Clock clock;

    RequestObjectVerifier(ClientKeySource keys, RequestObjectConfiguration config, VerifierUrls urls, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.issuer = urls.issuerId();
        this.clock = clock;
    }

    public AuthorizationParameters verify(String requestObject, RegisteredClient client) {
        SignedJWT jws = signed(requestObject.trim());
        String alg = jws.getHeader().getAlgorithm().getName();
        String registered = client.metadata().requestObjectSigningAlg();
        JOSEObjectType typ = jws.getHeader().getType();
        if (typ != null && !TYPES.contains(typ.getType().toLowerCase(java.util.Locale.ROOT))) {
            throw invalid("a JWT of type " + typ + " is not a request object");
        }
        if (!ALGORITHMS.contains(alg) || (registered != null && !registered.equals(alg))) {
            throw invalid("the request object must be signed with "
                    + (registered != null ? registered : String.join(", ", ALGORITHMS)));
        }
        if (!ClientSignatures.verify(jws, client.clientId(), keys)) {
            throw invalid("the request object's signature does not verify with the client's keys");
        }
        JWTClaimsSet claims = claims(jws);
        checkClaims(claims, client.clientId());
        return parameters(claims);
    }

    private static SignedJWT signed(String value) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(value);
        } catch (ParseException e) {
            throw invalid("the request object is not a JWT");
        }
        if (jwt instanceof SignedJWT jws) {
            return jws;
        }
        throw invalid(jwt instanceof PlainJWT ? "unsigned request objects (alg none) are refused"
                : "encrypted request objects are not supported; send a signed one");
    }

    private static JWTClaimsSet claims(SignedJWT jws) {
        try {
            return jws.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("the request object's claims are not a JSON object");
        }
    }

    private void checkClaims(JWTClaimsSet claims, String clientId) {
        if (!clientId.equals(claims.getIssuer())) {
            throw invalid("iss must be the client_id");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(issuer)) {
            throw invalid("aud must be the issuer " + issuer);
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid("exp is required");
        }
        if (!exp.toInstant().isAfter(now.minus(config.clockSkew()))) {
            throw invalid("the request object has expired");
        }
        if (exp.toInstant().isAfter(now.plus(config.maxLifetime()).plus(config.clockSkew()))) {
            throw invalid("exp is too far in the future");
        }
        if (inFuture(claims.getNotBeforeTime(), now) || inFuture(claims.getIssueTime(), now)) {
            throw invalid("nbf and iat must not be in the future");
        }
        Object objectClientId = claims.getClaim(Param.CLIENT_ID);
        if (!clientId.equals(objectClientId)) {
            throw invalid("the request object's client_id must equal the client_id parameter");
        }
        if (claims.getClaim("request") != null || claims.getClaim("request_uri") != null) {
            throw invalid("a request object must not contain request or request_uri");
        }
    }

    private boolean inFuture(Date time, Instant now) {
        return time != null && time.toInstant().isAfter(now.plus(config.clockSkew()));
    }

    private static AuthorizationParameters parameters(JWTClaimsSet claims) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (Param.RESOURCE.equals(name) && value instanceof List<?> list) {
                params.put(name, list.stream().map(v -> text(name, v)).toList()); // RFC 8707: one or several
            } else if (!JWT_CLAIMS.contains(name) && value != null) {
                params.put(name, List.of(text(name, value)));
            }
        });
        return new AuthorizationParameters(params);
    }

    @SuppressWarnings("unchecked")
    private static String text(String name, Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return JSONObjectUtils.toJSONString((Map<String, ?>) map);
        }
        throw invalid(name + " must be a string, a number or a JSON object");
    }

    static OAuthException invalid(String description) {
        return OAuthError.INVALID_REQUEST_OBJECT.exception(description);
    }
}
