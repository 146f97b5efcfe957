package dev.verifier.token.grant.authorizationcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.Refusals;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A flood of made-up codes with a public client id costs us nothing that could starve real clients: a code without
 * our MAC is refused at once (no wait: the wait here is a minute, far longer than the test allows), failed
 * redemptions trip the per-client and per-address limits, and a real login's code redemption beside the flood, for
 * the same client from the same address, works: a limit answers failures only. Never a 5xx.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "CodeFloodTest")
@Property(name = "verifier.token.code-wait", value = "60s")
@Property(name = "verifier.throttle.code-per-client", value = "40")
@Property(name = "verifier.token.codes.max-waiters", value = "2")
class CodeFloodTest implements TokenServiceTest {

    static final int FLOOD = 300;

    @Inject
    EmbeddedServer server;
    @Inject
    TestClients clients;
    @Inject
    CodeFlow flow;
    @Inject
    CodePublisher publisher;
    @Inject
    JsonMapper json;

    @Test
    void madeUpCodesInParallelAreRefusedAtOnceWhileARealRedemptionWorks() throws Exception {
        TestClients.Client spa = clients.register("none", "openid", "authorization_code");
        TestClients.Client attacker = spa; // the flood uses the real client's (public) id, from the same address
        flow.publish(spa, "openid"); // the listeners are up
        Http http = new Http(server.getURI(), json);
        assertEquals(400, madeUp(http, attacker).status()); // the attacker's client is in the client cache
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Http.Answer>> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                flood.add(pool.submit(() -> madeUp(http, attacker)));
            }
            Codes real = Codes.forClient(spa.id(), "openid");
            CompletableFuture<Http.Answer> redemption = CompletableFuture.supplyAsync(
                    () -> http.post("/token", TokenRequests.code(spa, real)));
            publisher.publish(real.event()); // the event may come after the request: it waits, woken on arrival

            int invalidGrant = 0;
            int throttled = 0;
            for (Future<Http.Answer> answer : flood) {
                Http.Answer a = answer.get(30, TimeUnit.SECONDS);
                assertTrue(a.status() < 500, a.status() + " " + a.raw().body());
                if (a.status() == 400) {
                    Refusals.assertInvalidGrant(a, Refusals.CODE);
                    invalidGrant++;
                } else {
                    assertEquals(429, a.status(), a.raw().body());
                    assertEquals("temporarily_unavailable", a.string("error"));
                    throttled++;
                }
            }
            assertEquals(FLOOD, invalidGrant + throttled);
            assertTrue(throttled > 0, "the per-client limit of failed redemptions tripped");

            Http.Answer tokens = redemption.get(30, TimeUnit.SECONDS);
            assertEquals(200, tokens.status(), tokens.raw().body());
            assertEquals(429, madeUp(http, attacker).status(), "both limits are over");
            Codes after = Codes.forClient(spa.id(), "openid"); // the next user, with the limits still over
            publisher.publish(after.event());
            Http.Answer served = http.post("/token", TokenRequests.code(spa, after));
            assertEquals(200, served.status(), served.raw().body());
            assertTrue(http.get("/prometheus").raw().body().contains("verifier_throttled_total{kind=\"code_client\""));
        } finally {
            pool.shutdownNow();
        }
    }

    static Http.Answer madeUp(Http http, TestClients.Client client) {
        return http.post("/token", Http.form("grant_type", "authorization_code", "code", RandomTokens.base64Url(32),
                "redirect_uri", TestClients.REDIRECT_URI, "code_verifier", RandomTokens.base64Url(48),
                "client_id", client.id()));
    }

    @Test
    void aMintedCodeThatNeverArrivesWaitsAndOverTheWaiterCapIsAnsweredAtOnce() throws Exception {
        TestClients.Client spa = clients.register("none", "openid", "authorization_code");
        Http http = new Http(server.getURI(), json);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Http.Answer>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String code = Codes.mintedButNeverIssued();
                waiting.add(CompletableFuture.supplyAsync(() -> http.post("/token", Http.form(
                        "grant_type", "authorization_code", "code", code, "redirect_uri", TestClients.REDIRECT_URI,
                        "code_verifier", RandomTokens.base64Url(48), "client_id", spa.id())), pool));
            }
            // two wait for their event (a minute); the third is told at once to come back later
            Http.Answer over = (Http.Answer) CompletableFuture.anyOf(waiting.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
            assertEquals(429, over.status(), over.raw().body());
            assertEquals("temporarily_unavailable", over.string("error"));
        } finally {
            pool.shutdownNow();
        }
    }
}
