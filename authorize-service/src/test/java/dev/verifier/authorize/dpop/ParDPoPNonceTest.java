package dev.verifier.authorize.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.testsupport.DPoPProofs;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Server nonces at /par (RFC 9449 §8): 400 {@code use_dpop_nonce} with a {@code DPoP-Nonce} that then works. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.dpop.nonce-required", value = "true")
@Property(name = "verifier.dpop.nonce-secret", value = "a-test-nonce-secret-of-32-characters-or-more")
class ParDPoPNonceTest extends FrontChannelTest {

    static final String PAR = "http://localhost:9000/par";

    @Inject
    JsonMapper mapper;

    @Test
    void aProofWithoutTheNonceGetsUseDpopNonceAndTheNonceThenWorks() {
        String secret = ClientSecrets.generate();
        RegisteredClient web = new ClientBuilder().authMethod("client_secret_basic")
                .secretHash(ClientSecrets.hash(secret)).build();
        registry.put(web);
        DPoPProofs key = DPoPProofs.ec();
        Par par = new Par(server.getURL().toString(), mapper);

        Par.Answer first = par.push(Par.form(AuthorizeUrls.valid(web), Map.of()), Par.basic(web.clientId(), secret),
                "DPoP", key.proof("POST", PAR));

        assertEquals(400, first.status(), first.body().toString());
        assertEquals("use_dpop_nonce", first.body().get("error"));
        String nonce = first.headers().firstValue("DPoP-Nonce").orElse(null);
        assertNotNull(nonce);
        Par.Answer retried = par.push(Par.form(AuthorizeUrls.valid(web), Map.of()), Par.basic(web.clientId(), secret),
                "DPoP", key.builder("POST", PAR).nonce(nonce).sign());
        assertEquals(201, retried.status(), retried.body().toString());
    }
}
