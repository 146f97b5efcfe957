package dev.verifier.token.introspect;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.GrantFamily;
import dev.verifier.token.grant.family.RefreshToken;
import dev.verifier.token.grant.family.RefreshTokens;
import dev.verifier.token.verify.AccessTokenVerifier;
import jakarta.inject.Singleton;

/**
 * What introspection tells a caller. A token is shown only to the client it was issued to, or to a caller registered
 * as allowed to introspect tokens of one of the token's audiences (client metadata {@code introspection_audiences},
 * set by a {@code registry.admin} caller): an explicit relation, never a URL match with {@code client_uri}. Anything else is {@code {"active": false}}, indistinguishable from an unknown token.
 */
@Singleton
class Introspection {

    private static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final AccessTokenVerifier accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantFamilies families;
    private final Clock clock;

    Introspection(AccessTokenVerifier accessTokens, RefreshTokens refreshTokens, GrantFamilies families, Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.families = families;
        this.clock = clock;
    }

    Map<String, Object> introspect(String token, RegisteredClient caller) {
        return accessTokens.verify(token).map(claims -> access(claims, caller))
                .or(() -> refresh(token, caller))
                .orElse(INACTIVE);
    }

    private Map<String, Object> access(JWTClaimsSet claims, RegisteredClient caller) {
        List<String> aud = claims.getAudience();
        String clientId = (String) claims.getClaim("client_id");
        boolean visible = caller.clientId().equals(clientId)
                || aud.stream().anyMatch(caller.metadata().introspectionAudiencesOrEmpty()::contains);
        if (!visible) {
            return INACTIVE;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        // RFC 9449 §6.2: a DPoP-bound token is introspected with its cnf (copied below) and token_type DPoP
        answer.put("token_type", claims.getClaim("cnf") != null ? "DPoP" : "Bearer");
        claims.getClaims().forEach((name, value) -> answer.put(name, value instanceof java.util.Date d
                ? d.toInstant().getEpochSecond() : value));
        return answer;
    }

    private Optional<Map<String, Object>> refresh(String token, RegisteredClient caller) {
        Instant now = clock.instant();
        Optional<RefreshToken> stored = refreshTokens.find(token)
                .filter(t -> t.rotatedAt() == null && t.idleExpiresAt().isAfter(now));
        Optional<GrantFamily> family = stored.flatMap(t -> families.find(t.familyId()))
                .filter(f -> !f.isRevoked() && f.absoluteExpiresAt().isAfter(now)
                        && f.clientId().equals(caller.clientId()));
        if (family.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", "refresh_token");
        answer.put("scope", stored.get().scope());
        answer.put("client_id", family.get().clientId());
        answer.put("sub", family.get().subject());
        answer.put("iat", stored.get().createdAt().getEpochSecond());
        answer.put("exp", stored.get().idleExpiresAt().getEpochSecond());
        return Optional.of(answer);
    }
}
