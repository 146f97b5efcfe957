package dev.verifier.token.grant.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;

import dev.verifier.testsupport.AuditLog;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
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
 * {@code verifier.tokens.refresh-reuse-grace}: a refresh whose answer was lost may be retried with the same token
 * within the grace; after it, or once the successor was used, the reuse revokes the family.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "RefreshReuseGraceTest")
@Property(name = "test.clock", value = "mutable")
@Property(name = "verifier.tokens.refresh-reuse-grace", value = "30s")
class RefreshReuseGraceTest extends TokenHttpTest {

    static final String SCOPE = "openid profile offline_access";

    @Inject
    CodeFlow flow;
    @Inject
    TestClock clock;

    TestClients.Client spa;

    @BeforeAll
    void setUp() {
        spa = clients.register("none", SCOPE, "authorization_code", "refresh_token");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String refreshToken() {
        Http.Answer answer = flow.tokens(http, spa, SCOPE);
        assertEquals(200, answer.status(), answer.raw().body());
        return answer.string("refresh_token");
    }

    Http.Answer refresh(String token) {
        return http.post("/token", TokenRequests.refresh(spa, token));
    }

    static void assertInvalidGrant(Http.Answer answer) {
        Refusals.assertInvalidGrant(answer, Refusals.REFRESH_TOKEN);
    }

    @Test
    void retryWithinTheGraceGetsAWorkingTokenAndRetiresTheLostOne() {
        String first = refreshToken();
        String lost = refresh(first).string("refresh_token");   // the answer that never reached the client
        clock.advance(Duration.ofSeconds(20));

        Http.Answer retried = refresh(first);

        assertEquals(200, retried.status(), retried.raw().body());
        String kept = retried.string("refresh_token");
        assertNotEquals(lost, kept);
        Http.Answer next = refresh(kept);
        assertEquals(200, next.status(), "the retry's token works: " + next.raw().body());
        assertInvalidGrant(refresh(lost));
        assertInvalidGrant(refresh(next.string("refresh_token")));  // presenting the retired token was a reuse
    }

    @Test
    void reuseAfterTheGraceRevokesTheFamily() {
        String first = refreshToken();
        String second = refresh(first).string("refresh_token");
        clock.advance(Duration.ofSeconds(31));

        try (AuditLog audit = AuditLog.start()) {
            assertInvalidGrant(refresh(first));
            assertEquals("refresh_token_reuse", audit.reason("grant_family_revoked", spa.id()));
        }

        assertInvalidGrant(refresh(second));
    }

    @Test
    void reuseAfterTheSuccessorWasUsedRevokesTheFamilyEvenWithinTheGrace() {
        String first = refreshToken();
        String second = refresh(first).string("refresh_token");
        String third = refresh(second).string("refresh_token");   // the client did get the answer

        try (AuditLog audit = AuditLog.start()) {
            assertInvalidGrant(refresh(first));
            assertEquals("refresh_token_reuse", audit.reason("grant_family_revoked", spa.id()));
        }

        assertInvalidGrant(refresh(third));
    }
}
