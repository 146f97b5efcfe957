package dev.verifier.shared.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Published by authorize-service on {@link Topics#CODE_ISSUED} (key: {@code codeHash}) for every authorization code,
 * consumed by token-service, encrypted and authenticated on the wire ({@link CodeEventSeal}); token-service keeps it
 * until the code is redeemed and then maps it to its own stored grant. Carries the SHA-256 of the code (base64url),
 * never the code itself.
 *
 * @param claims the claims released for the ID token and userinfo (already filtered by the granted scopes)
 * @param redirectUriIncluded whether the authorization request carried {@code redirect_uri} (RFC 6749 §4.1.3: then
 *        the token request must carry the same value); null in events of releases before this field, which
 *        token-service treats as before (omitted at /token only when the client has exactly that one registered)
 * @param resources the RFC 8707 resources granted (the identifiers of the registered APIs the code's tokens are for,
 *        named with {@code resource} or owning the granted scopes); null in events of releases before this field,
 *        which token-service reads as "the APIs owning the granted scopes"
 * @param dpopJkt the DPoP key the code is bound to (RFC 9449 §10: {@code dpop_jkt} at /authorize or /par, or the key
 *        of the proof sent to /par): /token then requires a proof made with it; null (and in events of releases
 *        before this field): not bound
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CodeIssued(
        int schemaVersion,
        String codeHash,
        String clientId,
        String redirectUri,
        String scope,
        String subject,
        @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod,
        @Nullable String nonce,
        Instant authTime,
        @Nullable String acr,
        List<String> amr,
        String sessionId,
        Map<String, Object> claims,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Boolean redirectUriIncluded,
        @Nullable List<String> resources,
        @Nullable String dpopJkt) {

    /**
     * 2: carried sealed ({@link CodeEventSeal}, record value {@code v2.<kid>.<iv>.<ciphertext>}); 1 was the plain JSON
     * record of the previous release, refused unless {@code verifier.event.accept-unauthenticated-v1} is set.
     */
    public static final int SCHEMA_VERSION = 2;

    public CodeIssued {
        amr = amr == null ? List.of() : List.copyOf(amr);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        resources = resources == null ? null : List.copyOf(resources);
    }

    /** This event with {@code claims} in place of its released claims (e.g. the user's current ones). */
    public CodeIssued withClaims(Map<String, Object> current) {
        return new CodeIssued(schemaVersion, codeHash, clientId, redirectUri, scope, subject, codeChallenge,
                codeChallengeMethod, nonce, authTime, acr, amr, sessionId, current, issuedAt, expiresAt,
                redirectUriIncluded, resources, dpopJkt);
    }

    /** An event without {@code dpop_jkt}, as the releases before it wrote them. */
    public CodeIssued(int schemaVersion, String codeHash, String clientId, String redirectUri, String scope,
                      String subject, String codeChallenge, String codeChallengeMethod, String nonce,
                      Instant authTime, String acr, List<String> amr, String sessionId, Map<String, Object> claims,
                      Instant issuedAt, Instant expiresAt, Boolean redirectUriIncluded, List<String> resources) {
        this(schemaVersion, codeHash, clientId, redirectUri, scope, subject, codeChallenge, codeChallengeMethod,
                nonce, authTime, acr, amr, sessionId, claims, issuedAt, expiresAt, redirectUriIncluded, resources,
                null);
    }

    /** An event without {@code resources}, as the releases before it wrote them. */
    public CodeIssued(int schemaVersion, String codeHash, String clientId, String redirectUri, String scope,
                      String subject, String codeChallenge, String codeChallengeMethod, String nonce,
                      Instant authTime, String acr, List<String> amr, String sessionId, Map<String, Object> claims,
                      Instant issuedAt, Instant expiresAt, Boolean redirectUriIncluded) {
        this(schemaVersion, codeHash, clientId, redirectUri, scope, subject, codeChallenge, codeChallengeMethod,
                nonce, authTime, acr, amr, sessionId, claims, issuedAt, expiresAt, redirectUriIncluded, null, null);
    }

    /** An event without {@code redirect_uri_included}, as the releases before it wrote them. */
    public CodeIssued(int schemaVersion, String codeHash, String clientId, String redirectUri, String scope,
                      String subject, String codeChallenge, String codeChallengeMethod, String nonce,
                      Instant authTime, String acr, List<String> amr, String sessionId, Map<String, Object> claims,
                      Instant issuedAt, Instant expiresAt) {
        this(schemaVersion, codeHash, clientId, redirectUri, scope, subject, codeChallenge, codeChallengeMethod,
                nonce, authTime, acr, amr, sessionId, claims, issuedAt, expiresAt, null, null, null);
    }
}
