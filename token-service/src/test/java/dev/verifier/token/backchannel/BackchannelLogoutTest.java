package dev.verifier.token.backchannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.event.SessionEnded;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.Jwts;
import dev.verifier.token.support.LogoutReceiver;
import dev.verifier.token.support.SessionEndedPublisher;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sessions that end: sid in ID tokens, refresh tokens revoked by session (offline ones only when the user is
 * removed), and logout tokens delivered over real HTTP to a loopback receiver, checked against /jwks with Nimbus,
 * retried with back-off and given up after the bounded attempts. Events come through the real broker.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "BackchannelLogoutTest")
@Property(name = "verifier.profile.local", value = "true")
@Property(name = "verifier.backchannel.poll-interval", value = "200ms")
@Property(name = "verifier.backchannel.initial-backoff", value = "100ms")
@Property(name = "verifier.backchannel.max-attempts", value = "3")
class BackchannelLogoutTest extends TokenHttpTest {

    static final String ONLINE = "openid profile";
    static final String OFFLINE = "openid profile offline_access";

    @Inject
    CodeFlow flow;
    @Inject
    SessionEndedPublisher sessions;
    @Inject
    BackchannelDeliveryRepository deliveries;

    LogoutReceiver receiver;
    TestClients.Client web;
    TestClients.Client mobile;

    @BeforeAll
    void setUp() throws IOException {
        receiver = new LogoutReceiver();
        web = clients.withBackchannelLogoutUri(
                clients.register("none", OFFLINE, "authorization_code", "refresh_token"), receiver.uri());
        mobile = clients.withBackchannelLogoutUri(
                clients.register("none", OFFLINE, "authorization_code", "refresh_token"), receiver.uri());
    }

    @AfterAll
    void stop() {
        receiver.close();
    }

    Http.Answer tokens(TestClients.Client client, String scope, String subject, String sid) {
        Http.Answer answer = flow.tokens(http, client, Codes.inSession(client.id(), scope, subject, sid));
        assertEquals(200, answer.status(), answer.raw().body());
        return answer;
    }

    Http.Answer refresh(TestClients.Client client, String refreshToken) {
        return http.post("/token", TokenRequests.refresh(client, refreshToken));
    }

    List<BackchannelDelivery> awaitSettled(String subject, int count) {
        Instant deadline = Instant.now().plusSeconds(20);
        List<BackchannelDelivery> rows = deliveries.findBySubject(subject);
        while (Instant.now().isBefore(deadline) && (rows.size() < count
                || rows.stream().anyMatch(r -> r.status().equals("PENDING")))) {
            sleep(100);
            rows = deliveries.findBySubject(subject);
        }
        return rows;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void idTokensCarryTheSessionsSidAlsoWhenRefreshed() throws Exception {
        String sid = RandomTokens.base64Url(16);
        Http.Answer first = tokens(web, OFFLINE, "user-" + sid, sid);
        SignedJWT id = Jwts.verified(first.string("id_token"), http.get("/jwks").json());
        assertEquals(sid, id.getJWTClaimsSet().getStringClaim("sid"));
        Http.Answer refreshed = refresh(web, first.string("refresh_token"));
        assertEquals(200, refreshed.status(), refreshed.raw().body());
        assertEquals(sid, Jwts.verified(refreshed.string("id_token"), http.get("/jwks").json())
                .getJWTClaimsSet().getStringClaim("sid"));
    }

    @Test
    void loggingOutOneSessionRevokesItsOnlineTokensAndTellsEachClientOnceWithASignedLogoutToken()
            throws Exception {
        String subject = "user-" + RandomTokens.base64Url(6);
        String s1 = RandomTokens.base64Url(16);
        String s2 = RandomTokens.base64Url(16);
        String webInS1 = tokens(web, ONLINE, subject, s1).string("refresh_token");
        String mobileOfflineInS1 = tokens(mobile, OFFLINE, subject, s1).string("refresh_token");
        String webInS2 = tokens(web, ONLINE, subject, s2).string("refresh_token");
        int before = receiver.tokens().size();

        SessionEnded event = SessionEndedPublisher.ended(subject, s1, SessionEnded.Reason.LOGOUT);
        sessions.publish(event);
        sessions.publish(event); // redelivered: changes nothing

        List<BackchannelDelivery> rows = awaitSettled(subject, 2);
        assertEquals(2, rows.size(), "one delivery per client of the session: " + rows);
        assertTrue(rows.stream().allMatch(r -> r.status().equals("DELIVERED")), rows.toString());
        Map<String, Object> jwks = http.get("/jwks").json();
        Set<String> audiences = receiver.tokens().subList(before, receiver.tokens().size()).stream()
                .map(token -> checkLogoutToken(token, jwks, subject, s1)).collect(Collectors.toSet());
        assertEquals(Set.of(web.id(), mobile.id()), audiences);

        Refusals.assertInvalidGrant(refresh(web, webInS1), Refusals.REFRESH_TOKEN); // revoked with its session
        assertEquals(200, refresh(mobile, mobileOfflineInS1).status(), "offline_access outlives the session");
        assertEquals(200, refresh(web, webInS2).status(), "another session is untouched");
    }

    @Test
    void disablingTheUserRevokesEveryRefreshTokenOfflineOnesToo() {
        String subject = "user-" + RandomTokens.base64Url(6);
        String offline = tokens(mobile, OFFLINE, subject, RandomTokens.base64Url(16)).string("refresh_token");
        String other = tokens(web, ONLINE, subject, RandomTokens.base64Url(16)).string("refresh_token");

        sessions.publish(SessionEndedPublisher.ended(subject, null, SessionEnded.Reason.USER_DISABLED));

        assertEquals(2, awaitSettled(subject, 2).size(), "each session's client is told");
        Refusals.assertInvalidGrant(refresh(mobile, offline), Refusals.REFRESH_TOKEN);
        Refusals.assertInvalidGrant(refresh(web, other), Refusals.REFRESH_TOKEN);
    }

    @Test
    void failedDeliveryIsRetriedWithBackOffAndGivenUpAfterTheBoundedAttempts() {
        String subject = "user-" + RandomTokens.base64Url(6);
        String sid = RandomTokens.base64Url(16);
        tokens(web, ONLINE, subject, sid);
        receiver.failFirst(receiver.requests() + 2);
        sessions.publish(SessionEndedPublisher.ended(subject, sid, SessionEnded.Reason.LOGOUT));
        BackchannelDelivery delivered = awaitSettled(subject, 1).get(0);
        assertEquals("DELIVERED", delivered.status());
        assertEquals(3, delivered.attempts(), "two 503 answers, then delivered");

        String lost = "user-" + RandomTokens.base64Url(6);
        String lostSid = RandomTokens.base64Url(16);
        tokens(web, ONLINE, lost, lostSid);
        receiver.failFirst(Integer.MAX_VALUE);
        sessions.publish(SessionEndedPublisher.ended(lost, lostSid, SessionEnded.Reason.LOGOUT));
        BackchannelDelivery failed = awaitSettled(lost, 1).get(0);
        receiver.failFirst(0);
        assertEquals("FAILED", failed.status());
        assertEquals(3, failed.attempts());
        assertEquals("answered 503", failed.lastError());
        String metrics = http.get("/prometheus").raw().body();
        assertTrue(metrics.contains("verifier_backchannel_logout_total{outcome=\"failed\"}"), metrics);
        assertTrue(metrics.contains("verifier_backchannel_logout_total{outcome=\"retry\"}"));
    }

    /** Checks a logout token as an RP must (Back-Channel Logout 1.0 §2.6); answers its audience. */
    static String checkLogoutToken(String token, Map<String, Object> jwks, String subject, String sid) {
        try {
            SignedJWT jwt = Jwts.verified(token, jwks);
            assertEquals("logout+jwt", jwt.getHeader().getType().getType());
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertEquals("http://localhost:9000", claims.getIssuer());
            assertEquals(subject, claims.getSubject());
            assertEquals(sid, claims.getStringClaim("sid"));
            assertNotNull(claims.getJWTID());
            assertNotNull(claims.getIssueTime());
            assertTrue(claims.getExpirationTime().toInstant().isAfter(Instant.now()));
            assertEquals(Map.of(), claims.getJSONObjectClaim("events")
                    .get("http://schemas.openid.net/event/backchannel-logout"));
            assertNull(claims.getClaim("nonce"));
            assertEquals(1, claims.getAudience().size());
            return claims.getAudience().get(0);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
