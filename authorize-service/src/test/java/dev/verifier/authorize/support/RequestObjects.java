package dev.verifier.authorize.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.client.RegisteredClient;

/**
 * Request objects (RFC 9101) built and signed with Nimbus, as a client would: the parameters of
 * {@link AuthorizeUrls#valid}, {@code iss} = the client, {@code aud} = the issuer, {@code exp} in 5 minutes, unless a
 * setter breaks them.
 */
public final class RequestObjects {

    public static final String ISSUER = TestTokens.ISSUER;

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private JWSAlgorithm alg = JWSAlgorithm.RS256;
    private com.nimbusds.jose.JOSEObjectType type = new com.nimbusds.jose.JOSEObjectType("oauth-authz-req+jwt");

    private RequestObjects(RegisteredClient client) {
        claims.putAll(AuthorizeUrls.valid(client));
        claims.put("iss", client.clientId());
        claims.put("aud", ISSUER);
        claims.put("iat", new Date());
        claims.put("exp", Date.from(Instant.now().plusSeconds(300)));
        claims.put("jti", UUID.randomUUID().toString());
    }

    public static RequestObjects of(RegisteredClient client) {
        return new RequestObjects(client);
    }

    public static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS of {@code keys} as JSON. */
    public static String jwks(JWK... keys) {
        return new JWKSet(java.util.Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString();
    }

    /** Sets a claim ({@code null} removes it). */
    public RequestObjects claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public RequestObjects expiresIn(Duration duration) {
        return claim("exp", Date.from(Instant.now().plus(duration)));
    }

    public RequestObjects alg(JWSAlgorithm value) {
        alg = value;
        return this;
    }

    public RequestObjects type(String value) {
        type = new com.nimbusds.jose.JOSEObjectType(value);
        return this;
    }

    public String sign(JWK key) {
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(type).keyID(key.getKeyID()).build(), claimsSet());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with a shared secret (at least 32 bytes). */
    public String hmac(String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claimsSet());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}. */
    public String unsigned() {
        return new PlainJWT(claimsSet()).serialize();
    }

    /** A JWE of the claims (no nested signature), encrypted to {@code key}. */
    public String encryptedTo(RSAKey key) {
        try {
            EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                    claimsSet());
            jwt.encrypt(new RSAEncrypter(key.toRSAPublicKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claimsSet() {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        return builder.build();
    }
}
