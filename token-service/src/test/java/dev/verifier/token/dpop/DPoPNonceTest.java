package dev.verifier.token.dpop;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.DPoPProofs;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Server nonces (RFC 9449 §8) at {@code /token} with {@code verifier.dpop.nonce-required}. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "DPoPNonceTest")
@Property(name = "verifier.dpop.nonce-required", value = "true")
@Property(name = "verifier.dpop.nonce-secret", value = "a-test-nonce-secret-of-32-characters-or-more")
class DPoPNonceTest extends TokenHttpTest {

    @Inject
    VerifierUrls urls;

    TestClients.Client service;
    DPoPProofs key;

    @BeforeAll
    void setUp() {
        service = clients.register("client_secret_basic", "notes.read", "client_credentials");
        key = DPoPProofs.ec();
    }

    Http.Answer token(String proof) {
        return http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(service.id(), service.secret()), "DPoP", proof);
    }

    @Test
    void aProofWithoutTheNonceGetsUseDpopNonceAndANonceThatThenWorks() {
        String tokenUrl = urls.tokenEndpoint().toString();

        Http.Answer first = token(key.proof("POST", tokenUrl));

        assertEquals(400, first.status(), first.raw().body());
        assertEquals("use_dpop_nonce", first.string("error"));
        String nonce = first.header("DPoP-Nonce");
        assertNotNull(nonce);
        Http.Answer retried = token(key.builder("POST", tokenUrl).nonce(nonce).sign());
        assertEquals(200, retried.status(), retried.raw().body());
        assertEquals("DPoP", retried.string("token_type"));
        assertNotNull(retried.header("DPoP-Nonce"), "every answer to a DPoP request carries a fresh nonce");
    }

    @Test
    void aMadeUpNonceGetsUseDpopNonce() {
        Http.Answer answer = token(key.builder("POST", urls.tokenEndpoint().toString())
                .nonce("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").sign());

        assertEquals(400, answer.status(), answer.raw().body());
        assertEquals("use_dpop_nonce", answer.string("error"));
    }
}
