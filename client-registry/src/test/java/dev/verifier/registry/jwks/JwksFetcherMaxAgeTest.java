package dev.verifier.registry.jwks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The JWKS origin's Cache-Control max-age is read (the guard itself: shared-model OutboundUrlGuardTest). */
class JwksFetcherMaxAgeTest {

    @Test
    void cacheControlMaxAgeIsRead() {
        assertEquals(Duration.ofSeconds(600), JwksFetcher.maxAge("public, max-age=600"));
        assertNull(JwksFetcher.maxAge("public, s-maxage=600"));
        assertEquals(Duration.ZERO, JwksFetcher.maxAge("no-store"));
    }
}
