package dev.verifier.shared.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Published by authorize-service on {@link Topics#CODE_ISSUED} (key: {@code codeHash}) for every authorization code,
 * consumed by token-service, encrypted and authenticated on the wire ({@link CodeEventSeal}); token-service stores it
 * as the grant of the code. Carries the SHA-256 of the code (base64url), never the code itself.
 *
 * @param claims the claims released for the ID token and userinfo (already filtered by the granted scopes)
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
        Instant expiresAt) {

    /**
     * 2: carried sealed ({@link CodeEventSeal}, record value {@code v2.<kid>.<iv>.<ciphertext>}); 1 was the plain JSON
     * record of the previous release, refused unless {@code verifier.event.accept-unauthenticated-v1} is set.
     */
    public static final int SCHEMA_VERSION = 2;

    public CodeIssued {
        amr = amr == null ? List.of() : List.copyOf(amr);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
}
