package dev.verifier.token.throttle;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import dev.verifier.testsupport.AuditLog;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TestClock;
import dev.verifier.token.support.TokenHttpTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The per-client limit of failed client authentications at /token: over it a failure is answered 429 (although this
 * copy remembered an "under the limit" answer for the client: its own failures drop that answer at once), and failures
 * marked by another copy count once the remembered answer has expired. A limit answers failures only: the right
 * secret is still served, so failing on purpose with a client's id locks none of its users out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ClientAuthThrottleTest")
@Property(name = "test.clock", value = "mutable")
@Property(name = "verifier.throttle.client-auth-per-client", value = "3")
@Property(name = "verifier.throttle.client-auth-per-address", value = "1000")
@Property(name = "verifier.throttle.under-limit-ttl", value = "30s")
class ClientAuthThrottleTest extends TokenHttpTest {

    @Inject
    FailureMarkRepository marks;
    @Inject
    TestClock clock;

    Http.Answer token(TestClients.Client client, String secret) {
        return http.post("/token", form("grant_type", "client_credentials"),
                "Authorization", basic(client.id(), secret));
    }

    static void assertThrottled(Http.Answer answer) {
        assertEquals(429, answer.status(), answer.raw().body());
        assertEquals("temporarily_unavailable", answer.string("error"));
    }

    long marks(TestClients.Client client) {
        return marks.count("client_auth_client", client.id(), clock.instant().minus(Duration.ofMinutes(5)));
    }

    @Test
    void failuresAtThisCopyTripTheLimitAtOnceAndTheRightSecretIsStillServed() {
        TestClients.Client client = clients.register("client_secret_basic", "registry.read", "client_credentials");
        assertEquals(200, token(client, client.secret()).status(), "under the limit, remembered for 30 s");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, token(client, client.secret() + "x").status());
        }

        try (AuditLog audit = AuditLog.start()) {
            assertThrottled(token(client, client.secret() + "x"));
            assertThrottled(token(client, "another"));
            assertEquals(List.of("request_throttled", "request_throttled"), types(audit, client),
                    "a failure past the limit is reported once, as throttled");
        }
        assertEquals(3, marks(client), "failures past the limit are answered, not counted");
        assertEquals(200, token(client, client.secret()).status(), "the client's own requests are not locked out");
    }

    static List<String> types(AuditLog audit, TestClients.Client client) {
        return audit.lines().stream().filter(l -> l.contains("\"client_id\":\"" + client.id() + "\""))
                .map(l -> l.replaceAll(".*\"type\":\"([a-z_]+)\".*", "$1")).toList();
    }

    @Test
    void failuresMarkedByAnotherCopyCountOnceTheRememberedAnswerExpires() {
        TestClients.Client client = clients.register("client_secret_basic", "registry.read", "client_credentials");
        TestClients.Client other = clients.register("client_secret_basic", "registry.read", "client_credentials");
        assertEquals(200, token(client, client.secret()).status());
        assertEquals(200, token(other, other.secret()).status());
        for (int i = 0; i < 3; i++) { // another copy, sharing the database, refused three wrong secrets of each
            marks.add("client_auth_client", client.id(), clock.instant());
            marks.add("client_auth_client", other.id(), clock.instant());
        }
        assertEquals(401, token(client, client.secret() + "x").status(), "this copy's answer stands for 30 s");

        clock.advance(Duration.ofSeconds(30));

        assertThrottled(token(other, other.secret() + "x"));
        assertEquals(200, token(other, other.secret()).status());
    }

    /** A public client's id is public: anyone can fail with it, and its users still sign in. */
    @Test
    void failingWithAPublicClientsIdLocksNoneOfItsUsersOut() {
        TestClients.Client spa = clients.register("none", "openid", "authorization_code");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, http.post("/token", form("grant_type", "authorization_code", "code", "x",
                    "client_id", spa.id(), "client_secret", "guess")).status());
        }
        assertThrottled(http.post("/token", form("grant_type", "authorization_code", "code", "x",
                "client_id", spa.id(), "client_secret", "guess")));

        // authenticated (not 429): refused only for the grant a public client may not use
        Http.Answer user = http.post("/token", form("grant_type", "client_credentials", "client_id", spa.id()));
        assertEquals(400, user.status(), user.raw().body());
        assertEquals("unauthorized_client", user.string("error"));
    }
}
