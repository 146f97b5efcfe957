package dev.verifier.token.clientauth;

import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import dev.verifier.shared.clientauth.ClientAssertionTiming;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.token.support.ClientAssertions;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A configuration written before client assertions had one setting ({@code verifier.token.clock-skew}) keeps working:
 * the old name still sets the one client-assertion skew that /token (and /par) apply.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "LegacyClientAssertionSkewTest")
@Property(name = "verifier.token.clock-skew", value = "10s")
class LegacyClientAssertionSkewTest extends TokenHttpTest {

    @Inject
    VerifierUrls urls;
    @Inject
    ClientAssertionTiming timing;

    Http.Answer tokenWithAssertionExpiredSecondsAgo(TestClients.Client c, long seconds) {
        String assertion = ClientAssertions.forClient(c.id(), urls.tokenEndpoint().toString())
                .expiresAt(Instant.now().minusSeconds(seconds))
                .hmac(JWSAlgorithm.HS256, c.secret().getBytes(StandardCharsets.UTF_8));
        return http.post("/token", form("grant_type", "client_credentials", "client_id", c.id(),
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion", assertion));
    }

    @Test
    void theOldPropertyNameSetsTheClientAssertionSkew() {
        assertEquals(java.time.Duration.ofSeconds(10), timing.clockSkew());
        TestClients.Client c = clients.register("client_secret_jwt", "api", "client_credentials");

        assertEquals(200, tokenWithAssertionExpiredSecondsAgo(c, 5).status());
        assertEquals(401, tokenWithAssertionExpiredSecondsAgo(c, 20).status(), "beyond the 10 s configured");
    }
}
