package dev.verifier.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * DPoP proofs (RFC 9449) made with Nimbus JOSE+JWT, independently of the code under test: a client's key pair and a
 * builder whose every field can be set wrong on purpose.
 */
public final class DPoPProofs {

    private final JWK key;

    private DPoPProofs(JWK key) {
        this.key = key;
    }

    /** A new P-256 key (ES256), as a browser's WebCrypto key would be. */
    public static DPoPProofs ec() {
        try {
            return new DPoPProofs(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new 2048-bit RSA key (RS256). */
    public static DPoPProofs rsa() {
        try {
            return new DPoPProofs(new RSAKeyGenerator(2048).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638 thumbprint of the public key: the {@code cnf.jkt} and {@code dpop_jkt} value. */
    public String jkt() {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid proof for {@code method} at {@code url}. */
    public String proof(String method, String url) {
        return builder(method, url).sign();
    }

    /** A valid proof for a resource request with {@code accessToken} ({@code ath}). */
    public String proof(String method, String url, String accessToken) {
        return builder(method, url).ath(accessToken).sign();
    }

    public Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /** {@code ath}: base64url SHA-256 of the token. */
    public static String ath(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One proof; defaults are right, each setter makes one thing as a test wants it. */
    public final class Builder {
        private String method;
        private String url;
        private String typ = "dpop+jwt";
        private Instant iat = Instant.now();
        private String jti = UUID.randomUUID().toString();
        private String ath;
        private String nonce;
        private boolean privateJwk;
        private boolean noJwk;
        private byte[] hmacSecret;

        private Builder(String method, String url) {
            this.method = method;
            this.url = url;
        }

        public Builder typ(String value) {
            typ = value;
            return this;
        }

        public Builder iat(Instant value) {
            iat = value;
            return this;
        }

        public Builder jti(String value) {
            jti = value;
            return this;
        }

        public Builder ath(String accessToken) {
            ath = DPoPProofs.ath(accessToken);
            return this;
        }

        public Builder rawAth(String value) {
            ath = value;
            return this;
        }

        public Builder nonce(String value) {
            nonce = value;
            return this;
        }

        /** Puts the private key into the {@code jwk} header (a client must never do that). */
        public Builder privateJwk() {
            privateJwk = true;
            return this;
        }

        public Builder withoutJwk() {
            noJwk = true;
            return this;
        }

        /** Signs with HS256 under {@code secret} instead of the key (an algorithm a proof may not use). */
        public Builder hs256(byte[] secret) {
            hmacSecret = secret;
            return this;
        }

        public String sign() {
            try {
                JWSAlgorithm alg = hmacSecret != null ? JWSAlgorithm.HS256
                        : key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
                JWSHeader.Builder header = new JWSHeader.Builder(alg).type(new JOSEObjectType(typ));
                if (!noJwk) {
                    header.jwk(key.toPublicJWK());
                }
                JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(jti).claim("htm", method)
                        .claim("htu", url).issueTime(Date.from(iat));
                if (ath != null) {
                    claims.claim("ath", ath);
                }
                if (nonce != null) {
                    claims.claim("nonce", nonce);
                }
                if (privateJwk) { // Nimbus refuses a private jwk in a header: the JWS is put together by hand
                    java.util.Map<String, Object> json = header.build().toJSONObject();
                    json.put("jwk", key.toJSONObject());
                    Base64URL head = Base64URL.encode(com.nimbusds.jose.util.JSONObjectUtils.toJSONString(json));
                    Base64URL body = Base64URL.encode(claims.build().toString());
                    byte[] input = (head + "." + body).getBytes(StandardCharsets.US_ASCII);
                    return head + "." + body + "." + signer().sign(header.build(), input);
                }
                SignedJWT jwt = new SignedJWT(header.build(), claims.build());
                jwt.sign(signer());
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private JWSSigner signer() throws JOSEException {
            if (hmacSecret != null) {
                return new MACSigner(hmacSecret);
            }
            return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
        }
    }
}
