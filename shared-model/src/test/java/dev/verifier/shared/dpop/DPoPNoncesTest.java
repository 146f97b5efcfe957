package dev.verifier.shared.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

/** Server nonces any copy can check: the same secret accepts, another refuses, two windows later refuses. */
class DPoPNoncesTest {

    static final String SECRET = "a-nonce-secret-of-at-least-32-characters";
    static final Instant NOW = Instant.parse("2026-12-03T04:00:10Z");

    static DPoPNonces nonces(String secret) {
        return DPoPNonces.from(new DPoPConfiguration(List.of("ES256"), true, secret, Duration.ofMinutes(5)));
    }

    @Test
    void aNonceOfOneCopyIsValidAtAnotherWithTheSameSecret() {
        String nonce = nonces(SECRET).current(NOW);

        assertTrue(nonces(SECRET).isValid(nonce, NOW.plus(Duration.ofMinutes(4))));
        assertFalse(nonces(SECRET + "-other").isValid(nonce, NOW));
    }

    @Test
    void aNonceExpiresAfterTheNextWindow() {
        String nonce = nonces(SECRET).current(NOW);

        assertTrue(nonces(SECRET).isValid(nonce, NOW.plus(Duration.ofMinutes(5))));
        assertFalse(nonces(SECRET).isValid(nonce, NOW.plus(Duration.ofMinutes(10))));
    }

    @Test
    void madeUpOrMalformedNoncesAreInvalid() {
        DPoPNonces nonces = nonces(SECRET);
        assertFalse(nonces.isValid(null, NOW));
        assertFalse(nonces.isValid("not base64 !", NOW));
        assertFalse(nonces.isValid("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NOW));
    }

    @Test
    void requiredNoncesWithoutASecretStopTheService() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> nonces(null));
        assertTrue(e.getMessage().contains("verifier.dpop.nonce-secret"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> nonces("short"));
    }

    @Test
    void withNoncesOffNothingIsHandedOut() {
        DPoPNonces off = DPoPNonces.from(new DPoPConfiguration(List.of("ES256"), false, null, Duration.ofMinutes(5)));
        assertFalse(off.required());
        assertEquals("", off.current(NOW));
    }

    @Test
    void onlyAsymmetricAlgorithmsAreSupportedWhateverIsConfigured() {
        DPoPConfiguration config = new DPoPConfiguration(List.of("ES256", "HS256", "none", "PS384"), false, null,
                Duration.ofMinutes(5));
        assertEquals(List.of("ES256", "PS384"), config.supportedAlgorithms());
    }
}
