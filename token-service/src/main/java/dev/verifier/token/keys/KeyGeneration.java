package dev.verifier.token.keys;

import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.crypto.SecretsCipher;
import jakarta.inject.Singleton;

/** Generates a signing key (RSA 2048 for RS256, P-256 for ES256) and seals its private part for storage. */
@Singleton
class KeyGeneration {

    private final SecretsCipher cipher;

    KeyGeneration(SecretsCipher cipher) {
        this.cipher = cipher;
    }

    SigningKey generate(JWSAlgorithm alg, int generation, Instant now, Instant activatesAt) {
        String kid = alg.getName().toLowerCase() + "-" + RandomTokens.base64Url(12);
        JWK jwk;
        try {
            if (JWSAlgorithm.Family.EC.contains(alg)) {
                jwk = new ECKeyGenerator(Curve.forJWSAlgorithm(alg).iterator().next())
                        .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate();
            } else if (JWSAlgorithm.Family.RSA.contains(alg)) {
                jwk = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate();
            } else {
                throw new IllegalArgumentException("unsupported signing algorithm " + alg);
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("key generation failed", e);
        }
        return new SigningKey(kid, alg.getName(), generation, cipher.encrypt(jwk.toJSONString()),
                jwk.toPublicJWK().toJSONString(), now, activatesAt);
    }
}
