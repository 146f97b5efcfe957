package dev.verifier.registry.jwks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;

import dev.verifier.shared.config.ProfileConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the local profile client URLs pointing inside the network are never fetched. */
class FetchGuardTest {

    private final FetchGuard production = new FetchGuard(new ProfileConfiguration(false));
    private final FetchGuard local = new FetchGuard(new ProfileConfiguration(true));

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/jwks", "https://[::1]/jwks", "https://10.1.2.3/jwks",
            "https://172.16.0.1/jwks", "https://192.168.1.1/jwks", "https://169.254.169.254/latest/meta-data",
            "https://[fe80::1]/jwks", "https://[fd00:ec2::254]/jwks", "https://100.64.0.1/jwks", "https://0.0.0.0/jwks",
            "https://[::ffff:10.0.0.1]/jwks", "https://metadata.google.internal/jwks", "http://93.184.216.34/jwks",
            "file:///etc/passwd"})
    void internalOrNonHttpsUrlsAreRefused(String url) {
        assertThrows(FetchException.class, () -> production.check(URI.create(url)));
    }

    @Test
    void publicHttpsAddressPasses() {
        assertDoesNotThrow(() -> production.check(URI.create("https://93.184.216.34/jwks")));
    }

    @Test
    void localProfileLetsLoopbackHttpThroughButNotPrivateNetworks() {
        assertDoesNotThrow(() -> local.check(URI.create("http://127.0.0.1:8080/jwks")));
        assertThrows(FetchException.class, () -> local.check(URI.create("http://10.0.0.1/jwks")));
        assertThrows(FetchException.class, () -> local.check(URI.create("http://169.254.169.254/")));
    }

    @Test
    void cacheControlMaxAgeIsRead() {
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ofSeconds(600), JwksFetcher.maxAge("public, max-age=600"));
        org.junit.jupiter.api.Assertions.assertNull(JwksFetcher.maxAge("public, s-maxage=600"));
        org.junit.jupiter.api.Assertions.assertEquals(Duration.ZERO, JwksFetcher.maxAge("no-store"));
    }
}
