package dev.verifier.token.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.token.issue.JwtSigner;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing through the native provider where it loads (x86-64 Linux, as on the development and CI machines), through
 * the JDK when it is switched off (or does not load): the tokens verify with the JDK's verifiers either way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "NativeSigningTest")
class NativeSigningTest implements TokenServiceTest {

    @Inject
    ApplicationContext context;

    private static boolean nativePlatform() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && Set.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @Test
    void theNativeProviderSignsWhereItLoadsAndTheJdkVerifies() throws Exception {
        {
            SigningProvider provider = context.getBean(SigningProvider.class);
            assertEquals(nativePlatform(), provider.nativeProvider().isPresent(),
                    "the native provider loads on x86-64 Linux, and only there");
            KeyRing keys = context.getBean(KeyRing.class);
            for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.ES256}) {
                assertEquals(provider.nativeProvider().orElse(null),
                        keys.signing(alg).signer().getJCAContext().getProvider(), alg + " signer's provider");
                if (provider.nativeProvider().isPresent()) {
                    assertEquals(provider.nativeProvider().get().getClass().getPackageName(),
                            privateKey(keys.signing(alg).signer()).getClass().getPackageName(),
                            alg + ": the native provider holds the key as its own object, made once");
                }
                assertVerifies(context, keys, alg);
            }
        }
    }

    @Test
    void switchedOffTheJdkSignsAndTheTokensAreTheSame() throws Exception {
        Map<String, Object> off = new java.util.HashMap<>(getProperties());
        off.put("spec.name", "NativeSigningTest-jdk");
        off.put("verifier.keys.native-signing", "false");
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, off, "test")
                .getApplicationContext()) {
            assertTrue(context.getBean(SigningProvider.class).nativeProvider().isEmpty());
            KeyRing keys = context.getBean(KeyRing.class);
            for (JWSAlgorithm alg : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.ES256}) {
                assertNull(keys.signing(alg).signer().getJCAContext().getProvider(), "the JDK's default provider");
                assertVerifies(context, keys, alg);
            }
        }
    }

    private static java.security.PrivateKey privateKey(com.nimbusds.jose.JWSSigner signer) {
        return signer instanceof com.nimbusds.jose.crypto.RSASSASigner rsa ? rsa.getPrivateKey()
                : ((com.nimbusds.jose.crypto.ECDSASigner) signer).getPrivateKey();
    }

    private static void assertVerifies(ApplicationContext context, KeyRing keys, JWSAlgorithm alg) throws Exception {
        String token = context.getBean(JwtSigner.class).sign(JOSEObjectType.JWT, alg,
                new JWTClaimsSet.Builder().subject("native-signing").build());
        SignedJWT jwt = SignedJWT.parse(token);
        JWK key = keys.publishedKey(jwt.getHeader().getKeyID()).orElseThrow();
        JWSVerifier verifier = alg == JWSAlgorithm.RS256 ? new RSASSAVerifier(key.toRSAKey())
                : new ECDSAVerifier(key.toECKey());
        assertTrue(jwt.verify(verifier), alg + " token verifies with the JDK");
        java.security.Provider provider = context.getBean(SigningProvider.class).nativeProvider().orElse(null);
        dev.verifier.shared.jose.PublicKeyVerifiers checks = new dev.verifier.shared.jose.PublicKeyVerifiers(provider);
        assertTrue(checks.verifies(SignedJWT.parse(token), key), alg + " token verifies with the signing provider");
        String[] parts = token.split("\\.");
        String other = context.getBean(JwtSigner.class).sign(JOSEObjectType.JWT, alg,
                new JWTClaimsSet.Builder().subject("mallory").build()).split("\\.")[1];
        assertFalse(checks.verifies(SignedJWT.parse(parts[0] + "." + other + "." + parts[2]), key),
                alg + ": an altered payload is refused by the signing provider");
        assertEquals("native-signing", jwt.getJWTClaimsSet().getSubject());
    }
}
