package dev.verifier.token.verify;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.jose.PublicKeyVerifiers;
import dev.verifier.shared.jose.VerifiedTokens;
import dev.verifier.shared.security.AccessTokenRules;
import dev.verifier.token.keys.KeyRing;
import dev.verifier.token.keys.SigningProvider;
import jakarta.inject.Singleton;

/**
 * Validates an access token this service issued: {@code typ} at+jwt, signed by a published key (the key's own
 * algorithm only), with a {@code jti}, not revoked. For introspection and revocation ({@link #verify(String)}): our
 * issuer, unexpired by this service's clock. For a caller of token-service's own APIs
 * ({@link #verify(String, AccessTokenRules)}): the checks every Verifier resource server makes. A token whose
 * signature was checked before with the same published key is not checked again ({@link VerifiedTokens}); every other
 * check is made each time.
 */
@Singleton
public class AccessTokenVerifier {

    private final KeyRing keys;
    private final RevocationList revocations;
    private final VerifierUrls urls;
    private final Clock clock;
    private final PublicKeyVerifiers verifiers;
    private final VerifiedTokens verified;

    AccessTokenVerifier(KeyRing keys, RevocationList revocations, VerifierUrls urls, Clock clock,
                        SigningProvider provider, VerifiedTokens verified) {
        this.verified = verified;
        this.verifiers = new PublicKeyVerifiers(provider.nativeProvider().orElse(null), verified);
        this.keys = keys;
        this.revocations = revocations;
        this.urls = urls;
        this.clock = clock;
    }

    /** The claims of a valid, unrevoked access token; empty for anything else. */
    public Optional<JWTClaimsSet> verify(String token) {
        return verifySignature(token).filter(claims -> !revocations.isRevoked(claims.getJWTID()));
    }

    /** The claims of an unrevoked access token signed here that {@code rules} accept; empty for anything else. */
    public Optional<JWTClaimsSet> verify(String token, AccessTokenRules rules) {
        return signed(token).filter(claims -> rules.accepts(claims, clock.instant()))
                .filter(claims -> !revocations.isRevoked(claims.getJWTID()));
    }

    /** Signature, type, issuer and expiry only (revocation not checked). */
    public Optional<JWTClaimsSet> verifySignature(String token) {
        return signedHereExpiringAfter(token, clock.instant());
    }

    /**
     * Signature, type and issuer of a token that some validator may still accept: unexpired, or expired less than the
     * access-token clock skew ago ({@link RevocationList#acceptedIfExpiredAfter}). What revoking it needs.
     */
    public Optional<JWTClaimsSet> revocable(String token) {
        return signedHereExpiringAfter(token, revocations.acceptedIfExpiredAfter());
    }

    private Optional<JWTClaimsSet> signedHereExpiringAfter(String token, Instant after) {
        return signed(token).filter(claims -> urls.issuerId().equals(claims.getIssuer())
                && claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isAfter(after));
    }

    /** Type, key and signature; the claims of a token with a {@code jti}. */
    private Optional<JWTClaimsSet> signed(String token) {
        try {
            SignedJWT jwt = verified.parse(token); // a token seen before comes back parsed
            if (!AccessTokenRules.isAccessTokenType(jwt.getHeader().getType()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<JWK> key = keys.publishedKey(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.getHeader().getAlgorithm().equals(key.get().getAlgorithm())
                    || !verifiers.verifies(jwt, key.get())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return claims.getJWTID() != null ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
