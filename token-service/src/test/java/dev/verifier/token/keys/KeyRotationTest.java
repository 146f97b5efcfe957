package dev.verifier.token.keys;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.token.verify.AccessTokenVerifier;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TestClock;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rotation: the next key is published before it signs, the previous one stays published until its tokens have
 * expired, then it is removed. Own database, so that the test owns the key history.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "KeyRotationTest")
@Property(name = "test.clock", value = "mutable")
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:rotation;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class KeyRotationTest extends TokenHttpTest {

    @Inject
    TestClock clock;
    @Inject
    KeyRotation rotation;
    @Inject
    KeysConfiguration config;
    @Inject
    AccessTokenVerifier verifier;

    TestClients.Client admin;
    TestClients.Client plain;

    @BeforeAll
    void setUp() {
        admin = clients.register("client_secret_basic", "keys.admin", "client_credentials");
        plain = clients.register("client_secret_basic", "api", "client_credentials");
    }

    static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    @SuppressWarnings("unchecked")
    Set<String> publishedKids() {
        return ((List<Map<String, Object>>) http.get("/jwks").json().get("keys")).stream()
                .map(k -> (String) k.get("kid")).collect(Collectors.toSet());
    }

    Http.Answer rotate(String bearer) {
        return http.post("/admin/keys/rotate", List.of(), "Authorization", "Bearer " + bearer);
    }

    @Test
    void rotationPublishesNextKeyFirstAndKeepsOldTokensVerifiable() throws Exception {
        String before = clientCredentialsToken(plain);
        String oldKid = kid(before);

        Http.Answer rotated = rotate(clientCredentialsToken(admin));

        assertEquals(200, rotated.status(), rotated.raw().body());
        Set<String> published = publishedKids();
        assertEquals(4, published.size(), "RS256 and ES256, each current and next");
        String during = clientCredentialsToken(plain);
        assertEquals(oldKid, kid(during), "the next key does not sign during pre-publication");

        clock.advance(config.prePublication().plusSeconds(1));

        String after = clientCredentialsToken(plain);
        assertNotEquals(oldKid, kid(after), "the new key signs once pre-publication is over");
        assertTrue(published.contains(kid(after)), "it was published before it signed");
        Map<String, Object> jwks = http.get("/jwks").json();
        assertNotNull(Jwts.verified(before, jwks), "tokens of the previous key stay verifiable");
        assertNotNull(Jwts.verified(after, jwks));

        clock.advance(Duration.ofMinutes(11).plusSeconds(1));   // access/ID lifetime + skew
        rotation.rotateIfDue();

        assertFalse(publishedKids().contains(oldKid), "retired once every token it signed has expired");
        assertEquals(2, publishedKids().size());
    }

    @Test
    void scheduledCheckRotatesWhenTheRotationPeriodComes() {
        Set<String> before = publishedKids();
        rotation.rotateIfDue();
        assertEquals(before, publishedKids(), "nothing due yet");

        clock.advance(config.rotationPeriod().minus(config.prePublication()).plusSeconds(1));
        rotation.rotateIfDue();

        Set<String> after = publishedKids();
        assertEquals(before.size() + 2, after.size(), "a next key per algorithm, published ahead");
        assertTrue(after.containsAll(before));
    }

    @Test
    void revokedSigningKeyIsUnpublishedAtOnceReplacedAndNoLongerAcceptedByIntrospection() throws Exception {
        String before = clientCredentialsToken(plain);
        String compromised = kid(before);
        assertTrue(verifier.verify(before).isPresent(), "valid before the revocation");

        Http.Answer revoked = http.post("/admin/keys/" + compromised + "/revoke", List.of(),
                "Authorization", "Bearer " + clientCredentialsToken(admin));
        assertEquals(200, revoked.status(), revoked.raw().body());

        assertFalse(publishedKids().contains(compromised), "gone from /jwks at once");
        String after = clientCredentialsToken(plain);
        assertNotEquals(compromised, kid(after), "a new key signs at once");
        assertTrue(publishedKids().contains(kid(after)));
        assertNotNull(Jwts.verified(after, http.get("/jwks").json()));
        assertTrue(verifier.verify(before).isEmpty(), "tokens of the revoked key are no longer valid here");
        assertTrue(verifier.verify(after).isPresent());
    }

    @Test
    void keyBeforeARevokedOneStillRetiresOnceItsTokensHaveExpired() throws Exception {
        String first = kid(clientCredentialsToken(plain));
        rotate(clientCredentialsToken(admin));
        clock.advance(config.prePublication().plusSeconds(1));
        String second = kid(clientCredentialsToken(plain));
        assertNotEquals(first, second, "the rotation took effect");

        assertEquals(200, http.post("/admin/keys/" + second + "/revoke", List.of(),
                "Authorization", "Bearer " + clientCredentialsToken(admin)).status());
        assertTrue(publishedKids().contains(first), "the previous key's tokens are still valid for a while");

        clock.advance(Duration.ofMinutes(11).plusSeconds(1));   // access/ID lifetime + skew
        rotation.rotateIfDue();
        assertFalse(publishedKids().contains(first), "retired although its successor was revoked");
    }

    @Test
    void revokeOfAnUnknownKeyIsNotFoundAndRevokeNeedsTheScope() {
        Http.Answer unknown = http.post("/admin/keys/no-such-kid/revoke", List.of(),
                "Authorization", "Bearer " + clientCredentialsToken(admin));
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.string("error"));

        String current = publishedKids().iterator().next();
        Http.Answer without = http.post("/admin/keys/" + current + "/revoke", List.of());
        assertEquals(401, without.status());
        assertTrue(publishedKids().contains(current), "nothing revoked without the scope");
    }

    @Test
    void rotateEndpointRefusesMissingForeignAndInvalidTokens() {
        Http.Answer none = http.post("/admin/keys/rotate", List.of());
        assertEquals(401, none.status());
        assertEquals("invalid_token", none.string("error"));
        assertEquals("a bearer access token is required", none.string("error_description"));
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));

        // a token without keys.admin is not even meant for token-service (aud is resource-api)
        Http.Answer otherToken = rotate(clientCredentialsToken(plain));
        assertEquals(401, otherToken.status());
        assertEquals("invalid_token", otherToken.string("error"));
        assertEquals("the access token is invalid, expired, or not issued for this resource server", otherToken.string("error_description"));

        assertEquals(401, rotate("garbage").status());
    }
}
