package dev.verifier.shared.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.security.ResourceServerConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The native provider loads on x86-64 Linux (the development and CI machines) and only there; signature checks on it
 * accept what the JDK signed and refuse what the JDK refuses, with keys made once or arriving with a request; the
 * resource-server switch picks it or the JDK's.
 */
class NativeCryptoTest {

    private static boolean nativePlatform() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @Test
    void loadsWhereItIsShippedAndOnlyThere() {
        assertEquals(nativePlatform(), NativeCrypto.provider().isPresent());
        NativeCrypto.provider().ifPresent(provider ->
                assertEquals("AmazonCorrettoCryptoProvider", provider.getName()));
    }

    @Test
    void checksOnTheNativeProviderAcceptWhatTheJdkSignedAndRefuseTheRest() throws Exception {
        Provider provider = NativeCrypto.provider().orElse(null);
        PublicKeyVerifiers verifiers = new PublicKeyVerifiers(provider);
        assertEquals(NativeCrypto.provider(), verifiers.provider());
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        RSAKey otherRsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
        ECKey otherEc = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();

        assertTrue(verifiers.verifies(signed(JWSAlgorithm.RS256, rsa, "alice"), rsa.toPublicJWK()));
        assertFalse(verifiers.verifies(signed(JWSAlgorithm.RS256, otherRsa, "alice"), rsa.toPublicJWK()),
                "same kid, another RSA key");
        assertFalse(verifiers.verifies(altered(JWSAlgorithm.RS256, rsa), rsa.toPublicJWK()), "RS256, payload altered");
        assertTrue(verifiers.verifies(signed(JWSAlgorithm.ES256, ec, "alice"), ec.toPublicJWK()));
        assertFalse(verifiers.verifies(signed(JWSAlgorithm.ES256, otherEc, "alice"), ec.toPublicJWK()),
                "same kid, another EC key");
        assertFalse(verifiers.verifies(altered(JWSAlgorithm.ES256, ec), ec.toPublicJWK()), "ES256, payload altered");
    }

    @Test
    void keysArrivingWithARequestAreCheckedOnTheNativeProviderAsTheyAre() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r1").generate();
        ECDSAVerifier ecVerifier = NativeCrypto.checking(new ECDSAVerifier(ec.toPublicJWK()));
        RSASSAVerifier rsaVerifier = NativeCrypto.checking(new RSASSAVerifier(rsa.toPublicJWK()));
        assertEquals(NativeCrypto.provider().orElse(null), ecVerifier.getJCAContext().getProvider());
        assertEquals(NativeCrypto.provider().orElse(null), rsaVerifier.getJCAContext().getProvider());
        assertTrue(signed(JWSAlgorithm.ES256, ec, "alice").verify(ecVerifier));
        assertFalse(altered(JWSAlgorithm.ES256, ec).verify(ecVerifier), "ES256, payload altered");
        assertFalse(signed(JWSAlgorithm.ES256, new ECKeyGenerator(Curve.P_256).keyID("e1").generate(), "alice")
                .verify(ecVerifier), "ES256, another key");
        assertTrue(signed(JWSAlgorithm.RS256, rsa, "alice").verify(rsaVerifier));
        assertFalse(altered(JWSAlgorithm.RS256, rsa).verify(rsaVerifier), "RS256, payload altered");
    }

    @Test
    void theResourceServerChecksOnTheNativeProviderUnlessSwitchedOff() {
        assertEquals(NativeCrypto.provider().orElse(null), configuration(true).verificationProvider());
        assertNull(configuration(false).verificationProvider(), "switched off: the JDK's providers");
    }

    private static ResourceServerConfiguration configuration(boolean nativeVerification) {
        return new ResourceServerConfiguration("https://api.example", Duration.ofSeconds(30), false,
                nativeVerification);
    }

    private static SignedJWT altered(JWSAlgorithm alg, JWK key) throws Exception {
        String[] parts = signed(alg, key, "alice").serialize().split("\\.");
        String otherPayload = signed(alg, key, "mallory").serialize().split("\\.")[1];
        return SignedJWT.parse(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    private static SignedJWT signed(JWSAlgorithm alg, JWK key, String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(subject).build());
        jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
        return jwt;
    }
}
