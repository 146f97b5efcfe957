package dev.verifier.authorize.requestobject;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import dev.verifier.shared.config.ProfileConfiguration;
import org.junit.jupiter.api.Test;

/** The request_uri fetch guard: https and public addresses only, except loopback over http in the local profile. */
class PublicAddressGuardTest {

    final UrlGuard production = new PublicAddressGuard(new ProfileConfiguration(false));
    final UrlGuard local = new PublicAddressGuard(new ProfileConfiguration(true));

    @Test
    void outsideLocalProfileHttpAndInternalAddressesAreRefused() {
        for (String url : new String[] {"http://93.184.215.14/ro", "https://127.0.0.1/ro", "https://localhost/ro",
                "https://10.1.2.3/ro", "https://192.168.0.1/ro", "https://172.16.0.1/ro", "https://169.254.169.254/ro",
                "https://100.64.0.1/ro", "https://0.0.0.0/ro", "https://[::1]/ro", "https://[fd00::1]/ro",
                "https://[fe80::1]/ro", "https://[::ffff:10.0.0.1]/ro", "ftp://93.184.215.14/ro"}) {
            assertTrue(production.refusal(URI.create(url)).isPresent(), url);
        }
    }

    @Test
    void outsideLocalProfileHttpsToAPublicAddressIsAllowed() {
        assertTrue(production.refusal(URI.create("https://93.184.215.14/ro.jwt")).isEmpty());
    }

    @Test
    void localProfileAllowsHttpOnLoopbackOnly() {
        assertTrue(local.refusal(URI.create("http://127.0.0.1:8080/ro")).isEmpty());
        assertTrue(local.refusal(URI.create("http://10.1.2.3/ro")).isPresent());
        assertTrue(local.refusal(URI.create("https://169.254.169.254/ro")).isPresent());
    }
}
