package dev.verifier.shared.jose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

class PublicKeyVerifiersTest {

    private static final JWTClaimsSet CLAIMS = new JWTClaimsSet.Builder().subject("alice").build();

    private final PublicKeyVerifiers verifiers = new PublicKeyVerifiers();

    @Test
    void acceptsTheSignaturesOfTheKeyAgainAndAgainAndRefusesAnotherKeys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        SignedJWT good = signed(JWSAlgorithm.RS256, key);
        SignedJWT forged = signed(JWSAlgorithm.RS256, other);

        assertTrue(verifiers.verifies(good, key.toPublicJWK()));
        assertTrue(verifiers.verifies(good, key.toPublicJWK()), "the cached verifier still checks");
        assertFalse(verifiers.verifies(forged, key.toPublicJWK()), "same kid, another key");
        assertTrue(verifiers.verifies(forged, other.toPublicJWK()));
        assertFalse(verifiers.verifies(good, other.toPublicJWK()));
    }

    @Test
    void refusesAnAlteredPayload() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        String[] parts = signed(JWSAlgorithm.RS256, key).serialize().split("\\.");
        String otherPayload = signed(JWSAlgorithm.RS256, key, "mallory").serialize().split("\\.")[1];
        SignedJWT altered = SignedJWT.parse(parts[0] + "." + otherPayload + "." + parts[2]);
        assertFalse(verifiers.verifies(altered, key.toPublicJWK()));
    }

    @Test
    void refusesAnAlgorithmTheKeyCannotVerify() throws Exception {
        ECKey p256 = new ECKeyGenerator(Curve.P_256).generate();
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertTrue(verifiers.verifies(signed(JWSAlgorithm.ES256, p256), p256.toPublicJWK()));
        assertFalse(verifiers.verifies(signed(JWSAlgorithm.ES384, p384), p256.toPublicJWK()), "ES384 with a P-256 key");
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        assertFalse(verifiers.verifies(signed(JWSAlgorithm.ES256, p256), rsa.toPublicJWK()), "ES256 with an RSA key");
    }

    @Test
    void checksOnTheProviderItIsGiven() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        SignedJWT good = signed(JWSAlgorithm.RS256, key);
        assertTrue(new PublicKeyVerifiers(Security.getProvider("SunRsaSign")).verifies(good, key.toPublicJWK()));
        assertFalse(new PublicKeyVerifiers(Security.getProvider("SunJCE")).verifies(good, key.toPublicJWK()),
                "SunJCE has no RSA signatures: the check ran on the provider given, not the JDK's default");
    }

    @Test
    void refusesSymmetricKeys() throws Exception {
        OctetSequenceKey secret = new OctetSequenceKeyGenerator(256).generate();
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), CLAIMS);
        hs.sign(new MACSigner(secret));
        assertFalse(verifiers.verifies(hs, secret), "no MAC check with a key from a public key set");
    }

    private static SignedJWT signed(JWSAlgorithm alg, JWK key) throws Exception {
        return signed(alg, key, "alice");
    }

    private static SignedJWT signed(JWSAlgorithm alg, JWK key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).build());
        jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        return jwt;
    }

    @Test
    void anotherProviderChecksWithItsOwnKeyObjects() throws Exception {
        ECKey p256 = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        PublicKeyVerifiers ec = new PublicKeyVerifiers(Security.getProvider("SunEC"));
        assertTrue(ec.verifies(signed(JWSAlgorithm.ES256, p256), p256.toPublicJWK()));
        assertFalse(ec.verifies(signed(JWSAlgorithm.ES256, new ECKeyGenerator(Curve.P_256).keyID("e1").generate()),
                p256.toPublicJWK()), "same kid, another key");
        PublicKeyVerifiers rs = new PublicKeyVerifiers(Security.getProvider("SunRsaSign"));
        assertTrue(rs.verifies(signed(JWSAlgorithm.RS256, rsa), rsa.toPublicJWK()));
        String[] parts = signed(JWSAlgorithm.RS256, rsa).serialize().split("\\.");
        String otherPayload = signed(JWSAlgorithm.RS256, rsa, "mallory").serialize().split("\\.")[1];
        assertFalse(rs.verifies(SignedJWT.parse(parts[0] + "." + otherPayload + "." + parts[2]), rsa.toPublicJWK()));
    }
}
