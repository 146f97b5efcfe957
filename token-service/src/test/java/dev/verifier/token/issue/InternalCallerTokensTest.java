package dev.verifier.token.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.jose.JwtTypes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * token-service's internal APIs check a caller's access token as every Verifier resource server does (shared-model
 * AccessTokenRules, AdminScopes.honoured, BearerTokens): the same skew ({@code verifier.resource-server.clock-skew},
 * 30 s) on exp/nbf/iat and the same RFC 6750 answers. Tokens are signed with token-service's own current key.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "InternalCallerTokensTest")
class InternalCallerTokensTest extends TokenHttpTest {

    @Inject
    JwtSigner signer;
    @Inject
    VerifierUrls urls;
    @Inject
    Audiences audiences;

    JWTClaimsSet.Builder serviceToken(String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(urls.issuerId()).subject("svc").claim("client_id", "svc")
                .audience(audiences.tokenServiceAdmin()).claim("scope", scope).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    String sign(JWTClaimsSet.Builder claims) {
        return signer.sign(JwtTypes.ACCESS_TOKEN, JWSAlgorithm.RS256, claims.build());
    }

    Http.Answer recordJti(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/internal/jti"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"c\",\"jti\":\"" + UUID.randomUUID()
                        + "\",\"expires_at\":\"" + Instant.now().plusSeconds(60) + "\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    static void assertInvalidToken(Http.Answer answer) {
        assertEquals(401, answer.status(), answer.raw().body());
        assertEquals("invalid_token", answer.string("error"));
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer error=\"invalid_token\""),
                answer.header("WWW-Authenticate"));
    }

    @Test
    void validServiceTokenWithTheScopeThenRecorded() {
        Http.Answer answer = recordJti("Bearer " + sign(serviceToken("jti.record")));
        assertEquals(200, answer.status(), answer.raw().body());
    }

    @Test
    void noTokenThen401WithABareBearerChallengeAsAtResourceServers() {
        Http.Answer answer = recordJti(null);

        assertEquals(401, answer.status());
        assertEquals("invalid_token", answer.string("error"));
        assertEquals("Bearer", answer.header("WWW-Authenticate"), "RFC 6750 §3.1: no error code without a token");
        assertEquals("Bearer", recordJti("Basic c3ZjOnNlY3JldA==").header("WWW-Authenticate"));
    }

    @Test
    void tokenExpiredWithinTheSharedSkewIsStillAccepted() {
        Instant now = Instant.now();
        String token = sign(serviceToken("jti.record").issueTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.minusSeconds(5))));
        assertEquals(200, recordJti("Bearer " + token).status(), "30 s skew, as at every resource server");
    }

    @Test
    void tokenExpiredBeyondTheSkewOrNotYetValidThenInvalidToken() {
        Instant now = Instant.now();
        assertInvalidToken(recordJti("Bearer " + sign(serviceToken("jti.record")
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(120))))));
        assertInvalidToken(recordJti("Bearer " + sign(serviceToken("jti.record")
                .notBeforeTime(Date.from(now.plusSeconds(600))))));
        assertInvalidToken(recordJti("Bearer " + sign(serviceToken("jti.record")
                .issueTime(Date.from(now.plusSeconds(600))))));
    }

    @Test
    void tokenForAnotherAudienceOrIssuerThenInvalidToken() {
        assertInvalidToken(recordJti("Bearer " + sign(serviceToken("jti.record").audience("http://localhost:9003"))));
        assertInvalidToken(recordJti("Bearer " + sign(serviceToken("jti.record").issuer("https://other.example"))));
    }

    @Test
    void userTokenWithTheScopeThenInsufficientScopeAsAtResourceServers() {
        Http.Answer answer = recordJti("Bearer " + sign(serviceToken("jti.record").subject("alice")));

        assertEquals(403, answer.status(), answer.raw().body());
        assertEquals("insufficient_scope", answer.string("error"));
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer error=\"insufficient_scope\""));
    }
}
