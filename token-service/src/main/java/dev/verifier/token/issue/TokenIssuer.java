package dev.verifier.token.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.jose.JwtTypes;
import dev.verifier.shared.jose.TokenHashes;
import dev.verifier.token.config.TokenConfiguration;
import dev.verifier.token.keys.KeysConfiguration;
import jakarta.inject.Singleton;

/** Issues RFC 9068 access tokens and OIDC Core ID tokens, signed with the current key. */
@Singleton
public class TokenIssuer {

    /** Registered and protocol claims a released claim may never override. */
    private static final Set<String> RESERVED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "auth_time",
            "nonce", "at_hash", "c_hash", "azp", "acr", "amr", "client_id", "scope", "sid", "cnf");

    private final JwtSigner signer;
    private final TokenConfiguration config;
    private final JWSAlgorithm defaultAlg;
    private final java.util.List<String> algorithms;
    private final VerifierUrls urls;
    private final Clock clock;

    TokenIssuer(JwtSigner signer, TokenConfiguration config, KeysConfiguration keys, VerifierUrls urls, Clock clock) {
        this.signer = signer;
        this.config = config;
        this.defaultAlg = JWSAlgorithm.parse(keys.defaultAlgorithm());
        this.algorithms = keys.algorithms();
        this.urls = urls;
        this.clock = clock;
    }

    public IssuedAccessToken accessToken(AccessTokenRequest request) {
        Instant now = clock.instant();
        java.time.Duration lifetime = request.lifetime() != null ? request.lifetime() : config.accessTokenLifetime();
        Instant exp = now.plus(lifetime);
        String jti = RandomTokens.timeOrderedUuid(now);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(urls.issuerId())
                .subject(request.subject())
                .audience(request.audience())
                .claim("client_id", request.clientId())
                .claim("scope", request.scope().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(exp))
                .jwtID(jti);
        if (request.authTime() != null) {
            claims.claim("auth_time", request.authTime().getEpochSecond());
        }
        if (request.jkt() != null) {
            claims.claim("cnf", Map.of("jkt", request.jkt()));
        }
        String token = signer.sign(JwtTypes.ACCESS_TOKEN, defaultAlg, claims.build());
        return new IssuedAccessToken(token, jti, exp, lifetime.toSeconds());
    }

    public String idToken(IdTokenRequest request) {
        Instant now = clock.instant();
        // the client's id_token_signed_response_alg when we hold a key for it, else the default
        JWSAlgorithm alg = request.alg() != null && algorithms.contains(request.alg())
                ? JWSAlgorithm.parse(request.alg()) : defaultAlg;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        for (Map.Entry<String, Object> claim : request.claims().entrySet()) {
            if (!RESERVED.contains(claim.getKey())) {
                claims.claim(claim.getKey(), claim.getValue());
            }
        }
        claims.issuer(urls.issuerId())
                .subject(request.subject())
                .audience(request.clientId())
                .claim("azp", request.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.idTokenLifetime())))
                .claim("auth_time", request.authTime().getEpochSecond())
                .claim("at_hash", TokenHashes.halfHash(alg, request.accessToken()));
        if (request.nonce() != null) {
            claims.claim("nonce", request.nonce());
        }
        if (request.sid() != null) {
            claims.claim("sid", request.sid());
        }
        if (request.acr() != null) {
            claims.claim("acr", request.acr());
        }
        if (!request.amr().isEmpty()) {
            claims.claim("amr", request.amr());
        }
        return signer.sign(JwtTypes.ID_TOKEN, alg, claims.build());
    }
}
