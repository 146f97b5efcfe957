package dev.verifier.shared.dpop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** RFC 9449 §4.3 htu: query and fragment ignored, RFC 3986 syntax normalisation, nothing else. */
class DPoPTargetsTest {

    static final URI TOKEN = URI.create("https://as.example.com/token");

    @Test
    void queryFragmentCaseAndDefaultPortAreIgnored() {
        assertTrue(DPoPTargets.matches("https://as.example.com/token", TOKEN));
        assertTrue(DPoPTargets.matches("https://as.example.com/token?x=1#f", TOKEN));
        assertTrue(DPoPTargets.matches("HTTPS://AS.example.com:443/token", TOKEN));
    }

    @Test
    void anotherSchemeHostPortOrPathIsRefused() {
        assertFalse(DPoPTargets.matches("http://as.example.com/token", TOKEN));
        assertFalse(DPoPTargets.matches("https://other.example.com/token", TOKEN));
        assertFalse(DPoPTargets.matches("https://as.example.com:8443/token", TOKEN));
        assertFalse(DPoPTargets.matches("https://as.example.com/token/", TOKEN));
        assertFalse(DPoPTargets.matches("/token", TOKEN));
        assertFalse(DPoPTargets.matches("not a uri", TOKEN));
        assertFalse(DPoPTargets.matches(null, TOKEN));
    }
}
