package dev.verifier.shared.clientauth;

import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.jose.NativeCrypto;

/**
 * Checks a JWS against the client's public keys: keys of the algorithm's type with the header's {@code kid} (any
 * key of that type when there is no kid) and a signing use; when none matches, the keys are fetched again once
 * (the client may have rotated its key). Used for private_key_jwt assertions and for signed request objects. The
 * checks run on the native provider where it loads ({@link NativeCrypto#checking}).
 */
public final class ClientSignatures {

    private ClientSignatures() {
    }

    public static boolean verify(SignedJWT jws, String clientId, ClientKeySource keys) {
        List<JWK> candidates = candidates(jws.getHeader(), keys, clientId, false);
        if (candidates.isEmpty()) {
            candidates = candidates(jws.getHeader(), keys, clientId, true);
        }
        return candidates.stream().anyMatch(key -> verifies(jws, key));
    }

    private static List<JWK> candidates(JWSHeader header, ClientKeySource keys, String clientId, boolean refresh) {
        Optional<JWKSet> set = keys.keys(clientId, header.getKeyID(), refresh);
        JWKMatcher matcher = new JWKMatcher.Builder()
                .keyType(KeyType.forAlgorithm(header.getAlgorithm()))
                .keyID(header.getKeyID())
                .keyUses(KeyUse.SIGNATURE, null)
                .build();
        return set.map(s -> new JWKSelector(matcher).select(s)).orElse(List.of());
    }

    private static boolean verifies(SignedJWT jws, JWK key) {
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa)
                    : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
            return verifier != null && jws.verify(NativeCrypto.checking(verifier));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }
}
