package dev.verifier.token.grant.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.event.SessionEnded;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.FakeUsers;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.SessionEndedPublisher;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TestClock;
import dev.verifier.token.support.TokenHttpTest;
import dev.verifier.token.support.TokenRequests;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code verifier.users-client.claims-cache-ttl} set, refreshes of one user and scope read the user's claims
 * from authorize-service once per ttl, and again at once after the user's sessions ended.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "RefreshClaimsCacheTest")
@Property(name = "test.clock", value = "mutable")
@Property(name = "verifier.users-client.claims-cache-ttl", value = "60s")
class RefreshClaimsCacheTest extends TokenHttpTest {

    static final String SCOPE = "openid profile offline_access";

    @Inject
    CodeFlow flow;
    @Inject
    TestClock clock;
    @Inject
    FakeUsers users;
    @Inject
    SessionEndedPublisher sessions;

    TestClients.Client spa;

    @BeforeAll
    void setUp() {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A new user's refresh token, from a code exchange in a session of its own. */
    String refreshTokenOf(String subject) {
        Http.Answer answer = flow.tokens(http, spa,
                Codes.inSession(spa.id(), SCOPE, subject, UUID.randomUUID().toString()));
        assertEquals(200, answer.status(), answer.raw().body());
        return answer.string("refresh_token");
    }

    /** Refreshes {@code token}; answers the new refresh token. */
    String refresh(String token) {
        Http.Answer answer = http.post("/token", TokenRequests.refresh(spa, token));
        assertEquals(200, answer.status(), answer.raw().body());
        return answer.string("refresh_token");
    }

    long callsFor(String subject) {
        return users.calls.stream().filter(call -> call.subject().equals(subject)).count();
    }

    static Object name(Http.Answer answer) throws Exception {
        return SignedJWT.parse(answer.string("id_token")).getJWTClaimsSet().getClaim("name");
    }

    @Test
    void refreshesWithinTheTtlReadTheClaimsOnceThenAgainAfterIt() throws Exception {
        String subject = "cache-" + UUID.randomUUID();
        String token = refresh(refreshTokenOf(subject));
        token = refresh(token);
        assertEquals(1, callsFor(subject), "the second refresh used the claims the first read");

        users.put(subject, Map.of("name", "Renamed"));
        clock.advance(Duration.ofSeconds(61));
        Http.Answer answer = http.post("/token", TokenRequests.refresh(spa, token));

        assertEquals(200, answer.status(), answer.raw().body());
        assertEquals(2, callsFor(subject), "read again once the ttl passed");
        assertEquals("Renamed", name(answer));
    }

    @Test
    void whenTheUsersSessionsEndTheNextRefreshReadsTheClaimsAgain() throws Exception {
        String subject = "ended-" + UUID.randomUUID();
        String token = refresh(refreshTokenOf(subject));
        assertEquals(1, callsFor(subject));

        // a logout of another session of the user: it revokes none of this grant's tokens, yet the claims are dropped
        sessions.publish(SessionEndedPublisher.ended(subject, "another-session", SessionEnded.Reason.LOGOUT));
        Instant deadline = Instant.now().plusSeconds(20);
        while (callsFor(subject) < 2 && Instant.now().isBefore(deadline)) {
            token = refresh(token);
            Thread.sleep(100);
        }

        assertEquals(2, callsFor(subject), "the claims were read again after the session-ended event");
    }
}
