package dev.verifier.token.throttle;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

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
 * The per-client limit of failed client authentications at /token: over it even the right secret is refused (429),
 * although this copy remembered an "under the limit" answer for the client (its own failures drop that answer at
 * once), and failures marked by another copy count once the remembered answer has expired.
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

    @Test
    void failuresAtThisCopyTripTheLimitAtOnceEvenForTheRightSecret() {
        TestClients.Client client = clients.register("client_secret_basic", "registry.read", "client_credentials");
        assertEquals(200, token(client, client.secret()).status(), "under the limit, remembered for 30 s");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, token(client, client.secret() + "x").status());
        }

        Http.Answer refused = token(client, client.secret());

        assertEquals(429, refused.status(), refused.raw().body());
        assertEquals("temporarily_unavailable", refused.string("error"));
    }

    @Test
    void failuresMarkedByAnotherCopyCountOnceTheRememberedAnswerExpires() {
        TestClients.Client client = clients.register("client_secret_basic", "registry.read", "client_credentials");
        assertEquals(200, token(client, client.secret()).status());
        for (int i = 0; i < 3; i++) { // another copy, sharing the database, refused three wrong secrets
            marks.add("client_auth_client", client.id(), clock.instant());
        }
        assertEquals(200, token(client, client.secret()).status(), "this copy's answer stands for 30 s");

        clock.advance(Duration.ofSeconds(30));
        Http.Answer refused = token(client, client.secret());

        assertEquals(429, refused.status(), refused.raw().body());
        assertEquals("temporarily_unavailable", refused.string("error"));
    }
}
