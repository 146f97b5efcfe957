package dev.verifier.shared.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

class TokenHashesTest {

    @Test
    void atHashMatchesTheOidcExample() {
        // OpenID Connect Core, Appendix A.3 (id_token token response): access_token and its at_hash
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ",
                TokenHashes.halfHash(JWSAlgorithm.RS256, "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"));
    }

    @Test
    void hashSizeFollowsTheAlgorithm() {
        assertEquals(22, TokenHashes.halfHash(JWSAlgorithm.ES256, "x").length());
        assertEquals(32, TokenHashes.halfHash(JWSAlgorithm.RS384, "x").length());
        assertEquals(43, TokenHashes.halfHash(JWSAlgorithm.RS512, "x").length());
    }
}
