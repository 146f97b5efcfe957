package dev.verifier.token.issue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.token.keys.KeyRing;
import jakarta.inject.Singleton;

/** Signs a claims set with the current key of an algorithm, naming the key in {@code kid}. */
@Singleton
public class JwtSigner {

    private final KeyRing keys;

    JwtSigner(KeyRing keys) {
        this.keys = keys;
    }

    public String sign(JOSEObjectType type, JWSAlgorithm alg, JWTClaimsSet claims) {
        KeyRing.Signing signing = keys.signing(alg);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(type).keyID(signing.kid()).build(), claims);
        try {
            jwt.sign(signing.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }
}
