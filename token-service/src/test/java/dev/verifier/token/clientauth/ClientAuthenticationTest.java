package dev.verifier.token.clientauth;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.testsupport.AuditLog;
import dev.verifier.token.support.ClientAssertions;
import dev.verifier.token.support.FakeRegistry;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each client authentication method's success and failures, through /token with client_credentials. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ClientAuthenticationTest")
class ClientAuthenticationTest extends TokenHttpTest {

    static final String CC = "client_credentials";

    @Inject
    FakeRegistry registry;
    @Inject
    VerifierUrls urls;

    String tokenEndpoint;
    AuditLog audit;

    @BeforeAll
    void setUp() {
        tokenEndpoint = urls.tokenEndpoint().toString();
        audit = AuditLog.start();
    }

    @AfterAll
    void stopAudit() {
        audit.close();
    }

    Http.Answer withAssertion(String clientId, String assertion) {
        return http.post("/token", form("grant_type", CC, "client_id", clientId,
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion", assertion));
    }

    /** A failed authentication that did not use the Authorization header: 401 without a Basic challenge. */
    static void assertInvalidClient(Http.Answer answer) {
        assertEquals(401, answer.status(), answer.raw().body());
        assertEquals("invalid_client", answer.string("error"));
        assertEquals("client authentication failed", answer.string("error_description"));
        assertNull(answer.header("WWW-Authenticate"), "no Basic challenge when Basic was not used (RFC 6749 §5.2)");
    }

    /** As above, and the audit trail names the check that failed: {@code reason}. */
    void assertInvalidClient(Http.Answer answer, TestClients.Client client, String reason) {
        assertInvalidClient(answer);
        assertEquals(reason, audit.reason("client_auth_failed", client.id()));
    }

    /** Refused while the credentials were read, before any verifier ran: no client_auth_failed event. */
    void assertInvalidClientUnread(Http.Answer answer, TestClients.Client client) {
        assertInvalidClient(answer);
        assertTrue(audit.lines().stream().noneMatch(l -> l.contains(client.id())), audit.lines().toString());
    }

    /** A failed authentication through HTTP Basic: 401 with the Basic challenge (RFC 6749 §5.2), for a reason. */
    void assertInvalidClientChallengingBasic(Http.Answer answer, TestClients.Client client, String reason) {
        assertEquals(401, answer.status(), answer.raw().body());
        assertEquals("invalid_client", answer.string("error"));
        assertEquals("client authentication failed", answer.string("error_description"));
        assertEquals("Basic realm=\"verifier\"", answer.header("WWW-Authenticate"));
        assertEquals(reason, audit.reason("client_auth_failed", client.id()));
    }

    static void assertOk(Http.Answer answer) {
        assertEquals(200, answer.status(), answer.raw().body());
        assertNotNull(answer.string("access_token"));
    }

    // ---- client_secret_post / basic

    @Test
    void clientSecretPostWithRightSecretThenTokens() {
        TestClients.Client c = clients.register("client_secret_post", "api", CC);
        assertOk(http.post("/token", form("grant_type", CC, "client_id", c.id(), "client_secret", c.secret())));
    }

    @Test
    void clientSecretPostWithWrongSecretThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_post", "api", CC);
        assertInvalidClient(http.post("/token", form("grant_type", CC, "client_id", c.id(), "client_secret", "nope")),
                c, "secret_mismatch");
    }

    /** One secret sent two ways (openid-client 6 sends the body by default): either is accepted, for either. */
    @Test
    void basicClientPresentingPostThenTokensAndAWrongSecretStillFails() {
        TestClients.Client c = clients.register("client_secret_basic", "api", CC);
        assertOk(http.post("/token", form("grant_type", CC, "client_id", c.id(), "client_secret", c.secret())));
        assertInvalidClient(http.post("/token", form("grant_type", CC, "client_id", c.id(),
                "client_secret", c.secret() + "x")), c, "secret_mismatch");
    }

    @Test
    void postClientPresentingBasicThenTokensAndAWrongSecretStillFails() {
        TestClients.Client c = clients.register("client_secret_post", "api", CC);
        assertOk(http.post("/token", form("grant_type", CC), "Authorization", basic(c.id(), c.secret())));
        assertInvalidClientChallengingBasic(http.post("/token", form("grant_type", CC),
                "Authorization", basic(c.id(), c.secret() + "x")), c, "secret_mismatch");
    }

    @Test
    void twoAuthenticationMethodsAtOnceThenInvalidRequest() {
        TestClients.Client c = clients.register("client_secret_basic", "api", CC);
        Http.Answer answer = http.post("/token", form("grant_type", CC, "client_secret", c.secret()),
                "Authorization", basic(c.id(), c.secret()));
        assertEquals(400, answer.status());
        assertEquals("invalid_request", answer.string("error"));
        assertEquals("more than one client authentication method", answer.string("error_description"));
    }

    // ---- none

    @Test
    void publicClientAuthenticatesWithClientIdOnly() {
        TestClients.Client c = clients.register("none", "api", "authorization_code");
        // authenticated (not 401); then refused for the grant it may not use
        Http.Answer answer = http.post("/token", form("grant_type", CC, "client_id", c.id()));
        assertEquals(400, answer.status());
        assertEquals("unauthorized_client", answer.string("error"));
        assertEquals("client_credentials is for confidential clients", answer.string("error_description"));
    }

    /** golang.org/x/oauth2 names a public client in a Basic header with an empty password; a secret there fails. */
    @Test
    void publicClientNamedInABasicHeaderWithoutPasswordIsAuthenticated() {
        TestClients.Client c = clients.register("none", "api", "authorization_code");
        Http.Answer answer = http.post("/token", form("grant_type", CC), "Authorization", basic(c.id(), ""));
        assertEquals(400, answer.status(), answer.raw().body());
        assertEquals("unauthorized_client", answer.string("error"));
        assertInvalidClientChallengingBasic(http.post("/token", form("grant_type", CC), "Authorization",
                basic(c.id(), "x")), c, "method_mismatch");
        // a confidential client is not authenticated by its id alone, in the header either
        TestClients.Client basicClient = clients.register("client_secret_basic", "api", CC);
        assertInvalidClientChallengingBasic(http.post("/token", form("grant_type", CC), "Authorization",
                basic(basicClient.id(), "")), basicClient, "method_mismatch");
    }

    @Test
    void publicClientWithoutClientIdThenInvalidClient() {
        assertInvalidClient(http.post("/token", form("grant_type", CC)));
    }

    @Test
    void publicClientPresentingASecretThenInvalidClient() {
        TestClients.Client c = clients.register("none", "api", "authorization_code");
        assertInvalidClient(http.post("/token", form("grant_type", CC, "client_id", c.id(), "client_secret", "x")),
                c, "method_mismatch");
    }

    @Test
    void confidentialClientWithClientIdOnlyThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_basic", "api", CC);
        assertInvalidClient(http.post("/token", form("grant_type", CC, "client_id", c.id())), c, "method_mismatch");
    }

    // ---- client_secret_jwt

    byte[] secret(TestClients.Client c) {
        return c.secret().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void clientSecretJwtWithHs256Hs384Hs512ThenTokens() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
            assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).hmac(alg, secret(c))));
        }
    }

    @Test
    void clientSecretJwtWithIssuerAsAudienceThenTokens() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), urls.issuerId())
                .hmac(JWSAlgorithm.HS256, secret(c))));
    }

    /** Libraries name the URL they post to (Authlib does): /introspect and /revoke accept their own URL as aud. */
    @Test
    void assertionNamingTheIntrospectionOrRevocationEndpointThereThenAuthenticated() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        String token = withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .hmac(JWSAlgorithm.HS256, secret(c))).string("access_token");
        Http.Answer introspected = http.post("/introspect", form("token", token, "client_id", c.id(),
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion",
                ClientAssertions.forClient(c.id(), urls.introspectionEndpoint().toString())
                        .hmac(JWSAlgorithm.HS256, secret(c))));
        assertEquals(200, introspected.status(), introspected.raw().body());
        assertTrue(introspected.json().containsKey("active"), introspected.raw().body());
        Http.Answer revoked = http.post("/revoke", form("token", token, "client_id", c.id(),
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion",
                ClientAssertions.forClient(c.id(), urls.revocationEndpoint().toString())
                        .hmac(JWSAlgorithm.HS256, secret(c))));
        assertEquals(200, revoked.status(), revoked.raw().body());
        // another server's introspection endpoint is still refused
        assertInvalidClient(http.post("/introspect", form("token", token, "client_id", c.id(),
                "client_assertion_type", ClientCredentials.JWT_BEARER, "client_assertion",
                ClientAssertions.forClient(c.id(), "https://elsewhere.example/introspect")
                        .hmac(JWSAlgorithm.HS256, secret(c)))), c, "aud_mismatch");
    }

    @Test
    void clientSecretJwtWithWrongSecretThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .hmac(JWSAlgorithm.HS256, "another-secret-another-secret-another-secret".getBytes())), c,
                "signature_invalid");
    }

    @Test
    void replayedJtiThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        String assertion = ClientAssertions.forClient(c.id(), tokenEndpoint).hmac(JWSAlgorithm.HS256, secret(c));
        assertOk(withAssertion(c.id(), assertion));
        assertInvalidClient(withAssertion(c.id(), assertion), c, "jti_reused");
        // a fresh assertion re-using the jti is a replay too
        String sameJti = ClientAssertions.forClient(c.id(), tokenEndpoint).jti("fixed-" + c.id())
                .hmac(JWSAlgorithm.HS256, secret(c));
        assertOk(withAssertion(c.id(), sameJti));
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .jti("fixed-" + c.id()).hmac(JWSAlgorithm.HS384, secret(c))), c, "jti_reused");
    }

    @Test
    void wrongAudienceThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), "https://elsewhere.example/token")
                .hmac(JWSAlgorithm.HS256, secret(c))), c, "aud_mismatch");
    }

    @Test
    void expiredAssertionThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .expiresAt(Instant.now().minusSeconds(120)).hmac(JWSAlgorithm.HS256, secret(c))), c,
                "assertion_expired");
    }

    @Test
    void assertionLivingTooLongThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .expiresAt(Instant.now().plusSeconds(3600 + 120)).hmac(JWSAlgorithm.HS256, secret(c))), c,
                "exp_too_far");
    }

    /** Authlib's ClientSecretJWT and PrivateKeyJWT set exp an hour ahead: accepted (the limit is 60 min + skew). */
    @Test
    void assertionLivingAnHourThenTokens() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .expiresAt(Instant.now().plusSeconds(3600)).hmac(JWSAlgorithm.HS256, secret(c))));
    }

    @Test
    void issuerNotTheClientThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .issuer("someone-else").hmac(JWSAlgorithm.HS256, secret(c))), c, "iss_sub_mismatch");
    }

    @Test
    void algNoneThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClientUnread(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .unsigned()), c);
        TestClients.Client k = clients.register("private_key_jwt", "api", CC);
        registry.putJwks(k.id(), new JWKSet(rsa("k1")).toJSONObject(true));
        assertInvalidClientUnread(withAssertion(k.id(), ClientAssertions.forClient(k.id(), tokenEndpoint)
                .unsigned()), k);
    }

    @Test
    void secretJwtClientPresentingBasicThenInvalidClient() {
        TestClients.Client c = clients.register("client_secret_jwt", "api", CC);
        assertInvalidClientChallengingBasic(http.post("/token", form("grant_type", CC),
                "Authorization", basic(c.id(), c.secret())), c, "method_mismatch");
    }

    // ---- private_key_jwt

    static JWK rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JWK ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> publicSet(JWK... keys) {
        return new JWKSet(List.of(keys)).toJSONObject(true);
    }

    @Test
    void privateKeyJwtWithRs256AndEs256ThenTokens() {
        TestClients.Client c = clients.register("private_key_jwt", "api", CC);
        JWK rsa = rsa("r1");
        JWK ec = ec("e1");
        registry.putJwks(c.id(), publicSet(rsa, ec));
        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).signed(rsa)));
        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).signed(ec)));
    }

    @Test
    void privateKeyJwtSignedWithAnUnregisteredKeyThenInvalidClient() {
        TestClients.Client c = clients.register("private_key_jwt", "api", CC);
        registry.putJwks(c.id(), publicSet(rsa("r1")));
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).signed(rsa("r1"))),
                c, "signature_invalid");
    }

    @Test
    void hs256AssertionMacedWithThePublicKeyThenInvalidClient() throws Exception {
        TestClients.Client c = clients.register("private_key_jwt", "api", CC);
        JWK rsa = rsa("r1");
        registry.putJwks(c.id(), publicSet(rsa));
        byte[] publicKeyBytes = rsa.toRSAKey().toPublicKey().getEncoded();
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .hmac(JWSAlgorithm.HS256, publicKeyBytes)), c, "alg_not_allowed");
        byte[] jwkJson = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .hmac(JWSAlgorithm.HS256, jwkJson)), c, "alg_not_allowed");
    }

    @Test
    void unknownKidTriggersExactlyOneRefetchThenTokens() {
        TestClients.Client c = clients.register("private_key_jwt", "api", CC);
        JWK old = rsa("old");
        JWK added = rsa("added");
        registry.putStaleJwks(c.id(), publicSet(old));
        registry.putJwks(c.id(), publicSet(old, added));

        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).signed(added)));
        assertEquals(1, registry.refreshCalls(c.id()));
    }

    @Test
    void kidUnknownEvenAfterRefetchThenInvalidClientAfterOneRefetch() {
        TestClients.Client c = clients.register("private_key_jwt", "api", CC);
        registry.putJwks(c.id(), publicSet(rsa("old")));

        assertInvalidClient(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint)
                .signed(rsa("never-registered"))), c, "signature_invalid");
        assertEquals(1, registry.refreshCalls(c.id()));
    }

    @Test
    void knownKeyNeedsNoRegistryCallOnceCached() {
        TestClients.Client c = clients.register("private_key_jwt", "api", CC);
        JWK rsa = rsa("r1");
        registry.putJwks(c.id(), publicSet(rsa));
        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).signed(rsa)));
        long calls = registry.jwksCalls(c.id());

        assertOk(withAssertion(c.id(), ClientAssertions.forClient(c.id(), tokenEndpoint).signed(rsa)));
        assertEquals(calls, registry.jwksCalls(c.id()));
    }
}
