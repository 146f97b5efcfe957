package dev.verifier.shared.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the local profile, client URLs pointing inside the network (or not https) are never fetched. */
class OutboundUrlGuardTest {

    private final OutboundUrlGuard production = new OutboundUrlGuard(false);
    private final OutboundUrlGuard local = new OutboundUrlGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/jwks", "https://localhost/ro", "https://[::1]/jwks",
            "https://10.1.2.3/jwks", "https://172.16.0.1/jwks", "https://192.168.1.1/jwks",
            "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/jwks", "https://[fd00:ec2::254]/jwks",
            "https://100.64.0.1/jwks", "https://0.0.0.0/jwks", "https://[::ffff:10.0.0.1]/jwks",
            "https://metadata.google.internal/jwks", "http://93.184.216.34/jwks", "file:///etc/passwd",
            "ftp://93.184.215.14/ro"})
    void internalOrNonHttpsUrlsAreRefused(String url) {
        assertTrue(production.refusal(URI.create(url)).isPresent(), url);
    }

    @Test
    void publicHttpsAddressPasses() {
        assertTrue(production.refusal(URI.create("https://93.184.216.34/jwks")).isEmpty());
    }

    @Test
    void localProfileLetsLoopbackHttpThroughButNotPrivateNetworks() {
        assertTrue(local.refusal(URI.create("http://127.0.0.1:8080/jwks")).isEmpty());
        assertTrue(local.refusal(URI.create("http://10.0.0.1/jwks")).isPresent());
        assertTrue(local.refusal(URI.create("http://169.254.169.254/")).isPresent());
        assertTrue(local.refusal(URI.create("https://169.254.169.254/ro")).isPresent());
    }
}
