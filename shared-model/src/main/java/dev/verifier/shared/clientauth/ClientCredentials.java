package dev.verifier.shared.clientauth;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import io.micronaut.core.annotation.Nullable;

/**
 * The client credentials a request presents, parsed but not yet verified (RFC 6749 §2.3, RFC 7523 §2.2). A client
 * uses exactly one method; presenting two is {@code invalid_request}.
 *
 * @param clientId  the client named by the request (for an assertion: its {@code sub}, which must equal any
 *                  {@code client_id} parameter)
 * @param kind      how it authenticated
 * @param secret    the secret (basic, post)
 * @param assertion the client assertion (client_secret_jwt, private_key_jwt)
 */
public record ClientCredentials(String clientId, Kind kind, @Nullable String secret, @Nullable SignedJWT assertion) {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String FAILED = "client authentication failed";

    /**
     * What the request carried. {@link #NONE}: only a {@code client_id} (public client), as a parameter or as a Basic
     * header with an empty password.
     */
    public enum Kind { NONE, BASIC, POST, ASSERTION }

    /**
     * @param params              single-valued form parameters ({@code client_id}, {@code client_secret},
     *                            {@code client_assertion}, {@code client_assertion_type})
     * @param authorizationHeader the {@code Authorization} header, if any
     */
    public static ClientCredentials parse(Map<String, String> params, @Nullable String authorizationHeader) {
        String clientId = params.get("client_id");
        String postSecret = params.get("client_secret");
        String assertion = params.get("client_assertion");
        String assertionType = params.get("client_assertion_type");
        boolean basic = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6);
        int methods = (basic ? 1 : 0) + (postSecret != null ? 1 : 0) + (assertion != null || assertionType != null ? 1 : 0);
        if (methods > 1) {
            throw OAuthError.INVALID_REQUEST.exception("more than one client authentication method");
        }
        if (basic) {
            return basic(authorizationHeader.substring(6).trim(), clientId);
        }
        if (postSecret != null) {
            return new ClientCredentials(required(clientId), Kind.POST, postSecret, null);
        }
        if (assertion != null || assertionType != null) {
            return assertion(assertion, assertionType, clientId);
        }
        return new ClientCredentials(required(clientId), Kind.NONE, null, null);
    }

    private static ClientCredentials basic(String encoded, @Nullable String formClientId) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidClient("basic_malformed");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw invalidClient("basic_malformed");
        }
        // RFC 6749 §2.3.1: client id and secret are form-urlencoded before base64
        String id = FormUrl.decode(decoded.substring(0, colon));
        String secret = FormUrl.decode(decoded.substring(colon + 1));
        if (formClientId != null && !formClientId.equals(id)) {
            throw OAuthError.INVALID_REQUEST.exception("client_id does not match the Authorization header");
        }
        // No password: the header only names the client, as a client_id parameter would (RFC 6749 §3.2.1). Go's
        // golang.org/x/oauth2 sends a public client's id this way ("Basic <id>:"). Only a public client passes.
        if (secret.isEmpty()) {
            return new ClientCredentials(id, Kind.NONE, null, null);
        }
        return new ClientCredentials(id, Kind.BASIC, secret, null);
    }

    private static ClientCredentials assertion(@Nullable String assertion, @Nullable String type,
                                               @Nullable String formClientId) {
        if (!JWT_BEARER.equals(type) || assertion == null) {
            throw OAuthError.INVALID_REQUEST.exception("client_assertion_type must be " + JWT_BEARER
                    + " with a client_assertion");
        }
        SignedJWT jwt;
        String subject;
        try {
            jwt = SignedJWT.parse(assertion);
            subject = jwt.getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw invalidClient("assertion_malformed");
        }
        if (subject == null || (formClientId != null && !formClientId.equals(subject))) {
            throw invalidClient("assertion_sub_mismatch");
        }
        return new ClientCredentials(subject, Kind.ASSERTION, null, jwt);
    }

    private static String required(@Nullable String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            throw invalidClient("client_id_missing");
        }
        return clientId;
    }

    /** The one answer to every authentication failure: nothing tells the caller which check failed. */
    public static OAuthException invalidClient() {
        return OAuthError.INVALID_CLIENT.exception(FAILED);
    }

    /** The same answer, with the check that failed for the audit trail ({@link OAuthException#reason()}). */
    public static OAuthException invalidClient(String reason) {
        return new OAuthException(OAuthError.INVALID_CLIENT, FAILED, reason);
    }
}
