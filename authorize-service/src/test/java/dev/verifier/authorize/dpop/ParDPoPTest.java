package dev.verifier.authorize.dpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.ClientBuilder;
import dev.verifier.authorize.support.CodeEvents;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.Par;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.DPoPProofs;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RFC 9449 §10: the code bound to a DPoP key with {@code dpop_jkt} at /authorize and /par, or by a DPoP proof sent
 * to /par (made with Nimbus); the key travels to token-service in the code-issued event's {@code dpop_jkt}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParDPoPTest extends FrontChannelTest {

    static final String PAR = "http://localhost:9000/par";   // the issuer-based public URL of /par

    @Inject
    JsonMapper mapper;

    final String secret = ClientSecrets.generate();
    final DPoPProofs key = DPoPProofs.ec();
    RegisteredClient web;

    @BeforeEach
    void client() {
        web = new ClientBuilder().authMethod("client_secret_basic").secretHash(ClientSecrets.hash(secret)).build();
        registry.put(web);
    }

    Par.Answer push(Map<String, String> params, String... headers) {
        return new Par(server.getURL().toString(), mapper).push(Par.form(params, Map.of()),
                Par.basic(web.clientId(), secret), headers);
    }

    /** Logs in through the pushed request and answers the code-issued event's value. */
    Map<String, Object> eventOfTheCode(String requestUri) {
        Browser browser = browser();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", web.clientId());
        params.put("request_uri", requestUri);
        Browser.Page first = browser.get(AuthorizeUrls.of(params));
        Browser.Page consent = browser.login(first, "alice", TestUsers.PASSWORD);
        Browser.Page redirect = consent.isConsentPage() ? browser.consent(consent, "approve") : consent;
        String code = redirect.redirectParams().get("code");
        return CodeEvents.find(Hashes.sha256Base64Url(code), mapper).orElseThrow().value();
    }

    @Test
    void aProofAtParBindsTheCodeToItsKey() {
        Par.Answer answer = push(AuthorizeUrls.valid(web), "DPoP", key.proof("POST", PAR));
        assertEquals(201, answer.status(), answer.body().toString());

        Map<String, Object> event = eventOfTheCode(answer.requestUri());

        assertEquals(key.jkt(), event.get("dpop_jkt"));
    }

    @Test
    void dpopJktAtParWithoutAProofBindsTheCode() {
        Map<String, String> params = AuthorizeUrls.valid(web);
        params.put("dpop_jkt", key.jkt());
        Par.Answer answer = push(params);
        assertEquals(201, answer.status(), answer.body().toString());

        assertEquals(key.jkt(), eventOfTheCode(answer.requestUri()).get("dpop_jkt"));
    }

    @Test
    void dpopJktAndAProofOfAnotherKeyAreRefused() {
        Map<String, String> params = AuthorizeUrls.valid(web);
        params.put("dpop_jkt", DPoPProofs.ec().jkt());

        Par.Answer answer = push(params, "DPoP", key.proof("POST", PAR));

        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("invalid_dpop_proof", answer.body().get("error"));
        assertEquals("dpop_jkt is not the thumbprint of the DPoP proof's key", answer.body().get("error_description"));
    }

    @Test
    void anInvalidProofAtParIsRefused() {
        Par.Answer answer = push(AuthorizeUrls.valid(web), "DPoP", key.proof("POST", "http://localhost:9001/token"));

        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("invalid_dpop_proof", answer.body().get("error"));
    }

    @Test
    void dpopJktAtAuthorizeBindsTheCode() {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("dpop_jkt", key.jkt());
        Browser browser = browser();
        Browser.Page consent = browser.login(browser.get(AuthorizeUrls.of(params)), "alice", TestUsers.PASSWORD);
        Browser.Page redirect = consent.isConsentPage() ? browser.consent(consent, "approve") : consent;

        String code = redirect.redirectParams().get("code");
        assertEquals(key.jkt(), CodeEvents.find(Hashes.sha256Base64Url(code), mapper).orElseThrow().value()
                .get("dpop_jkt"));
    }

    @Test
    void aMalformedDpopJktAtAuthorizeIsInvalidRequest() {
        Map<String, String> params = AuthorizeUrls.valid(spa);
        params.put("dpop_jkt", "not-a-thumbprint");

        Browser.Page page = browser().get(AuthorizeUrls.of(params));

        assertTrue(page.location().orElseThrow().startsWith(CB + "?error=invalid_request"), page.headers().map()
                .toString());
    }
}
