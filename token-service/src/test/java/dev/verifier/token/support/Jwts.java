package dev.verifier.token.support;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/** Verifies our tokens the way a resource server would: with the key named by kid in the published /jwks. */
public final class Jwts {

    private Jwts() {
    }

    public static SignedJWT verified(String token, Map<String, Object> jwks) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("kid " + jwt.getHeader().getKeyID() + " is not in /jwks");
            }
            var verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                    key.getKeyType().getValue().equals("EC") ? key.toECKey().toPublicKey() : key.toRSAKey().toPublicKey());
            if (!jwt.verify(verifier)) {
                throw new AssertionError("signature does not verify");
            }
            return jwt;
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("token does not verify", e);
        }
    }
}
