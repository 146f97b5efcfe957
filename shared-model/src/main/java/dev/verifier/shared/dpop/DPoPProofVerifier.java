package dev.verifier.shared.dpop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.clientauth.JtiStore;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.jose.NativeCrypto;
import io.micronaut.core.annotation.Nullable;

/**
 * The one check of a DPoP proof (RFC 9449 §4.3), in the order the RFC gives: one {@code DPoP} header; a signed JWT
 * with {@code typ: dpop+jwt}; an accepted asymmetric algorithm (never {@code none} or HMAC); a public {@code jwk}
 * (private parts refused) that verifies the signature; {@code jti}, {@code htm} = the method, {@code htu} = the
 * endpoint's public URL (query and fragment ignored, {@link DPoPTargets}); the server nonce when nonces are on
 * ({@code use_dpop_nonce}); {@code iat} within the service's one clock skew (the same leeway its other JWT checks
 * use); {@code ath} = the presented access token's hash at a resource server; and last, so that a refused proof uses
 * nothing up, its {@code jti} single use in the service's shared store (keyed by the key's thumbprint).
 * Every refusal is {@code invalid_dpop_proof} (or {@code use_dpop_nonce}) as the authorization server answers it;
 * {@link #atResourceServer} turns it into the resource server's 401 with a {@code DPoP} challenge.
 */
public final class DPoPProofVerifier {

    public static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
    private static final int MAX_PROOF_LENGTH = 8192;
    private static final int MAX_JTI_LENGTH = 255;
    private static final String PUBLIC_JWK_ONLY = "the DPoP proof's header must carry the public jwk, and only its "
            + "public part";
    /** RFC 7518 §6.2.2, §6.3.2, §6.4: the members of a private EC, RSA or symmetric key. */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private final Set<JWSAlgorithm> algorithms;
    private final DPoPNonces nonces;
    private final JtiStore store;
    private final Duration skew;
    private final Clock clock;

    /** @param skew the leeway on {@code iat} this service allows on every JWT it checks */
    public DPoPProofVerifier(DPoPConfiguration config, DPoPNonces nonces, JtiStore store, Duration skew,
                             Clock clock) {
        this.algorithms = config.supportedAlgorithms().stream().map(JWSAlgorithm::parse)
                .collect(Collectors.toUnmodifiableSet());
        this.nonces = nonces;
        this.store = store;
        this.skew = skew;
        this.clock = clock;
    }

    public DPoPNonces nonces() {
        return nonces;
    }

    /** The checked proof of {@code request}; {@code invalid_dpop_proof} or {@code use_dpop_nonce} otherwise. */
    public DPoPProof verify(DPoPRequest request) {
        if (request.proofs().size() != 1) {
            throw invalid("exactly one DPoP header is required");
        }
        SignedJWT jwt = parse(request.proofs().get(0));
        JWSHeader header = jwt.getHeader();
        if (!TYPE.equals(header.getType())) {
            throw invalid("the DPoP proof's typ must be dpop+jwt");
        }
        if (!algorithms.contains(header.getAlgorithm())) {
            throw invalid("the DPoP proof's alg is not supported (see dpop_signing_alg_values_supported)");
        }
        JWK jwk = header.getJWK();
        if (jwk == null || jwk.isPrivate()) {
            throw invalid(PUBLIC_JWK_ONLY);
        }
        if (!signatureVerifies(jwt, jwk)) {
            throw invalid("the DPoP proof's signature does not verify with its jwk");
        }
        JWTClaimsSet claims = claims(jwt);
        String jti = string(claims, "jti");
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_LENGTH) {
            throw invalid("the DPoP proof's jti is required");
        }
        if (!request.method().equalsIgnoreCase(string(claims, "htm"))) {
            throw invalid("the DPoP proof's htm is not this request's method");
        }
        if (!DPoPTargets.matches(string(claims, "htu"), request.target())) {
            throw invalid("the DPoP proof's htu is not this endpoint's URL");
        }
        Instant now = clock.instant();
        if (nonces.required() && !nonces.isValid(string(claims, "nonce"), now)) {
            throw OAuthError.USE_DPOP_NONCE.exception("a DPoP proof with the server's nonce (DPoP-Nonce) is required");
        }
        Instant iat = issuedAt(claims);
        if (iat == null || iat.isBefore(now.minus(skew)) || iat.isAfter(now.plus(skew))) {
            throw invalid("the DPoP proof's iat is missing or not recent");
        }
        if (request.accessToken() != null && !accessTokenHash(request.accessToken()).equals(string(claims, "ath"))) {
            throw invalid("the DPoP proof's ath is not the hash of the access token presented");
        }
        String jkt = thumbprint(jwk);
        if (!store.markUsed("dpop:" + jkt, jti, iat.plus(skew).plusSeconds(1))) {
            throw invalid("the DPoP proof was already used (jti)");
        }
        return new DPoPProof(jkt, jti, iat);
    }

    /** RFC 9449 §7.1: the same refusal as a resource server answers it (401, {@code DPoP} challenge). */
    public static OAuthException atResourceServer(OAuthException e) {
        return switch (e.error()) {
            case USE_DPOP_NONCE -> OAuthError.RESOURCE_USE_DPOP_NONCE.exception(e.description());
            case INVALID_DPOP_PROOF -> OAuthError.RESOURCE_INVALID_DPOP_PROOF.exception(e.description());
            default -> e;
        };
    }

    /** RFC 9449 §4.2 {@code ath}: base64url of the SHA-256 of the access token's ASCII. */
    public static String accessTokenHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** RFC 7638 SHA-256 thumbprint, base64url: the {@code cnf.jkt} of a bound token and {@code dpop_jkt}. */
    public static String thumbprint(JWK jwk) {
        try {
            return jwk.computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw invalid("the DPoP proof's jwk has no thumbprint");
        }
    }

    private static SignedJWT parse(String proof) {
        if (proof == null || proof.length() > MAX_PROOF_LENGTH) {
            throw invalid("the DPoP proof is missing or too long");
        }
        try {
            return SignedJWT.parse(proof.trim());
        } catch (ParseException | RuntimeException e) {
            if (carriesPrivateJwk(proof)) { // Nimbus refuses to parse a header whose jwk has private parts
                throw invalid(PUBLIC_JWK_ONLY);
            }
            throw invalid("the DPoP proof is not a signed JWT");
        }
    }

    private static boolean carriesPrivateJwk(String proof) {
        try {
            String head = proof.trim().substring(0, Math.max(0, proof.trim().indexOf('.')));
            Map<String, Object> header = JSONObjectUtils.parse(new Base64URL(head).decodeToString());
            Map<String, Object> jwk = JSONObjectUtils.getJSONObject(header, "jwk");
            return jwk != null && PRIVATE_MEMBERS.stream().anyMatch(jwk::containsKey);
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signatureVerifies(SignedJWT jwt, JWK jwk) {
        try {
            JWSVerifier verifier;
            if (jwk instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(jwt.getHeader().getAlgorithm())) {
                verifier = new RSASSAVerifier(rsa);
            } else if (jwk instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(jwt.getHeader().getAlgorithm())) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return jwt.verify(NativeCrypto.checking(verifier));
        } catch (JOSEException | RuntimeException e) {
            return false;
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("the DPoP proof's claims are not a JSON object");
        }
    }

    @Nullable
    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    @Nullable
    private static Instant issuedAt(JWTClaimsSet claims) {
        try {
            Date iat = claims.getDateClaim("iat");
            return iat == null ? null : iat.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    private static OAuthException invalid(String description) {
        return OAuthError.INVALID_DPOP_PROOF.exception(description);
    }
}
