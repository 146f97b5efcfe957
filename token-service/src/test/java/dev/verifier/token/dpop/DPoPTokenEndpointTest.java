package dev.verifier.token.dpop;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.DPoPProofs;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * DPoP (RFC 9449) at {@code /token}: proofs made with Nimbus, checked for every grant; the tokens bound to the key
 * ({@code token_type: DPoP}, {@code cnf.jkt}); a public client's refresh token bound to it; each refusal of a proof.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "DPoPTokenEndpointTest")
public class DPoPTokenEndpointTest extends TokenHttpTest {

    static final String SCOPE = "openid offline_access notes.read";

    @Inject
    CodeFlow flow;
    @Inject
    VerifierUrls urls;

    TestClients.Client spa;
    TestClients.Client service;
    TestClients.Client web;
    String tokenUrl;
    DPoPProofs key;

    @BeforeAll
    void setUp() {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
        web = clients.register("client_secret_basic", SCOPE, "authorization_code", "refresh_token");
        service = clients.register("client_secret_basic", "notes.read", "client_credentials");
        tokenUrl = urls.tokenEndpoint().toString();   // the public URL, as configured (not the request's Host)
        key = DPoPProofs.ec();
    }

    Http.Answer code(TestClients.Client client, String... headers) {
        return http.post("/token", TokenRequests.code(client, flow.publish(client, SCOPE)), headers);
    }

    Http.Answer clientCredentials(String... extra) {
        String[] headers = new String[extra.length + 2];
        headers[0] = "Authorization";
        headers[1] = basic(service.id(), service.secret());
        System.arraycopy(extra, 0, headers, 2, extra.length);
        return http.post("/token", form("grant_type", "client_credentials", "scope", "notes.read"), headers);
    }

    static void assertInvalidProof(Http.Answer answer, String description) {
        assertEquals(400, answer.status(), answer.raw().body());
        assertEquals("invalid_dpop_proof", answer.string("error"));
        assertEquals(description, answer.string("error_description"));
    }

    public static Object cnfJkt(String accessToken) throws Exception {
        Map<String, Object> cnf = SignedJWT.parse(accessToken).getJWTClaimsSet().getJSONObjectClaim("cnf");
        return cnf == null ? null : cnf.get("jkt");
    }

    @Test
    void codeExchangeWithAProofGetsADPoPTokenBoundToTheKey() throws Exception {
        Http.Answer answer = code(spa, "DPoP", key.proof("POST", tokenUrl));

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("DPoP", answer.string("token_type"));
        assertEquals(key.jkt(), cnfJkt(answer.string("access_token")));
    }

    @Test
    void clientCredentialsWithAProofGetsADPoPToken() throws Exception {
        DPoPProofs rsa = DPoPProofs.rsa();
        Http.Answer answer = clientCredentials("DPoP", rsa.proof("POST", tokenUrl));

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("DPoP", answer.string("token_type"));
        assertEquals(rsa.jkt(), cnfJkt(answer.string("access_token")));
    }

    @Test
    void withoutAProofTheTokenIsABearerTokenWithoutCnf() throws Exception {
        Http.Answer answer = clientCredentials();

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("Bearer", answer.string("token_type"));
        assertNull(cnfJkt(answer.string("access_token")));
    }

    @Test
    void aProofWhoseTypIsNotDpopJwtIsRefused() {
        assertInvalidProof(clientCredentials("DPoP", key.builder("POST", tokenUrl).typ("JWT").sign()),
                "the DPoP proof's typ must be dpop+jwt");
    }

    @Test
    void aProofSignedWithHs256IsRefused() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
        assertInvalidProof(clientCredentials("DPoP", key.builder("POST", tokenUrl).hs256(secret).sign()),
                "the DPoP proof's alg is not supported (see dpop_signing_alg_values_supported)");
    }

    @Test
    void aProofCarryingThePrivateKeyIsRefused() {
        assertInvalidProof(clientCredentials("DPoP", key.builder("POST", tokenUrl).privateJwk().sign()),
                "the DPoP proof's header must carry the public jwk, and only its public part");
    }

    @Test
    void aProofForAnotherMethodIsRefused() {
        assertInvalidProof(clientCredentials("DPoP", key.proof("GET", tokenUrl)),
                "the DPoP proof's htm is not this request's method");
    }

    @Test
    void aProofForAnotherUrlIsRefused() {
        assertInvalidProof(clientCredentials("DPoP", key.proof("POST", urls.issuerId() + "/token")),
                "the DPoP proof's htu is not this endpoint's URL");
    }

    @Test
    void theQueryAndFragmentOfHtuAreIgnored() {
        Http.Answer answer = clientCredentials("DPoP", key.proof("POST", tokenUrl + "?x=1#f"));

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals("DPoP", answer.string("token_type"));
    }

    @Test
    void aProofIssuedBeyondTheClockSkewIsRefused() {
        assertInvalidProof(clientCredentials("DPoP", key.builder("POST", tokenUrl)
                        .iat(Instant.now().minus(Duration.ofMinutes(5))).sign()),
                "the DPoP proof's iat is missing or not recent");
        assertInvalidProof(clientCredentials("DPoP", key.builder("POST", tokenUrl)
                        .iat(Instant.now().plus(Duration.ofMinutes(5))).sign()),
                "the DPoP proof's iat is missing or not recent");
    }

    @Test
    void aReplayedProofIsRefused() {
        String proof = key.proof("POST", tokenUrl);
        assertEquals(200, clientCredentials("DPoP", proof).status());

        assertInvalidProof(clientCredentials("DPoP", proof), "the DPoP proof was already used (jti)");
    }

    @Test
    void twoProofsAreRefused() {
        assertInvalidProof(clientCredentials("DPoP", key.proof("POST", tokenUrl), "DPoP",
                key.proof("POST", tokenUrl)), "exactly one DPoP header is required");
    }

    @Test
    void aProofThatIsNotAJwtIsRefused() {
        assertInvalidProof(clientCredentials("DPoP", "not-a-jwt"), "the DPoP proof is not a signed JWT");
    }

    @Test
    void aPublicClientsRefreshTokenIsBoundToTheKey() throws Exception {
        Http.Answer first = code(spa, "DPoP", key.proof("POST", tokenUrl));
        String refreshToken = first.string("refresh_token");

        Http.Answer withoutProof = http.post("/token", TokenRequests.refresh(spa, refreshToken));
        Http.Answer otherKey = http.post("/token", TokenRequests.refresh(spa, refreshToken),
                "DPoP", DPoPProofs.ec().proof("POST", tokenUrl));
        Http.Answer sameKey = http.post("/token", TokenRequests.refresh(spa, refreshToken),
                "DPoP", key.proof("POST", tokenUrl));

        for (Http.Answer refused : List.of(withoutProof, otherKey)) {
            assertEquals(400, refused.status(), refused.raw().body());
            assertEquals("invalid_grant", refused.string("error"));
        }
        assertEquals(200, sameKey.status(), sameKey.raw().body());
        assertEquals("DPoP", sameKey.string("token_type"));
        assertEquals(key.jkt(), cnfJkt(sameKey.string("access_token")));
    }

    @Test
    void aConfidentialClientsRefreshTokenIsNotBoundButItsAccessTokensAre() throws Exception {
        String auth = basic(web.id(), web.secret());
        Http.Answer first = code(web, "Authorization", auth, "DPoP", key.proof("POST", tokenUrl));
        assertEquals("DPoP", first.string("token_type"), first.raw().body());

        Http.Answer refreshed = http.post("/token", TokenRequests.refresh(web, first.string("refresh_token")),
                "Authorization", auth);

        assertEquals(200, refreshed.status(), refreshed.raw().body());
        assertEquals("Bearer", refreshed.string("token_type"));
        assertNull(cnfJkt(refreshed.string("access_token")));
    }

    @Test
    void aClientRegisteredWithDpopBoundAccessTokensMustSendAProof() {
        TestClients.Client bound = clients.withDpopBoundAccessTokens(
                clients.register("client_secret_basic", "notes.read", "client_credentials"));
        String auth = basic(bound.id(), bound.secret());

        Http.Answer without = http.post("/token", form("grant_type", "client_credentials"), "Authorization", auth);
        Http.Answer with = http.post("/token", form("grant_type", "client_credentials"), "Authorization", auth,
                "DPoP", key.proof("POST", tokenUrl));

        assertEquals(400, without.status(), without.raw().body());
        assertEquals("invalid_request", without.string("error"));
        assertEquals("DPoP", with.string("token_type"), with.raw().body());
    }

    @Test
    void aCodeBoundWithDpopJktIsRedeemedOnlyWithAProofOfThatKey() {
        DPoPProofs other = DPoPProofs.ec();
        for (String[] headers : List.of(new String[0], new String[] {"DPoP", other.proof("POST", tokenUrl)})) {
            Http.Answer refused = flow.tokensWithHeaders(http, spa, dev.verifier.token.support.Codes.forClient(spa.id(), SCOPE)
                    .withDpopJkt(key.jkt()), headers);
            assertEquals(400, refused.status(), refused.raw().body());
            assertEquals("invalid_grant", refused.string("error"));
            assertEquals("the authorization code is bound to a DPoP key (dpop_jkt): send a DPoP proof made with "
                    + "that key", refused.string("error_description"));
        }

        Http.Answer bound = flow.tokensWithHeaders(http, spa, dev.verifier.token.support.Codes.forClient(spa.id(), SCOPE)
                .withDpopJkt(key.jkt()), "DPoP", key.proof("POST", tokenUrl));

        assertEquals(200, bound.status(), bound.raw().body());
        assertEquals("DPoP", bound.string("token_type"));
    }

    @Test
    void introspectionShowsTheBindingAndTheTokenType() {
        Http.Answer token = clientCredentials("DPoP", key.proof("POST", tokenUrl));

        Http.Answer introspected = http.post("/introspect", form("token", token.string("access_token")),
                "Authorization", basic(service.id(), service.secret()));

        assertEquals(true, introspected.json().get("active"), introspected.raw().body());
        assertEquals("DPoP", introspected.string("token_type"));
        assertEquals(Map.of("jkt", key.jkt()), introspected.json().get("cnf"));
    }
}
