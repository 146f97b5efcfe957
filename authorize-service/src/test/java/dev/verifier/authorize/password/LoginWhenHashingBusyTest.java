package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.Json;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.AuditTopicReader;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With every password-hashing slot taken, a login waits {@code hash-wait}, then gets the throttled page (429), with
 * the reason in the metrics and the audit trail; nothing is counted as a failed login, and the next login works. The
 * users admin API answers 503 temporarily_unavailable instead.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.passwords.max-concurrent-hashes", value = "1")
@Property(name = "verifier.passwords.hash-wait", value = "100ms")
class LoginWhenHashingBusyTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;
    @Inject
    PasswordCheckLimiter limiter;
    @Inject
    JsonMapper mapper;

    RegisteredClient client;

    @BeforeAll
    void setUp() {
        client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "busy-user");
    }

    @Test
    void loginWhenEveryHashingSlotStaysBusyThenThrottledPageMetricAndAuditEvent() throws Exception {
        assertEquals(1, limiter.cap());

        Browser.Page refused = whileTheOnlySlotIsHeld(() -> login(TestUsers.PASSWORD));

        assertEquals(429, refused.status(), refused.body());
        assertTrue(refused.body().contains("Too many sign-in attempts"), refused.body());
        assertTrue(refused.body().contains("being checked right now"), refused.body());
        assertTrue(refused.location().isEmpty());
        String metrics = new Browser(server.getURL().toString()).get("/prometheus").body();
        assertTrue(metrics.contains("verifier_authorize_logins_total{result=\"hashing_busy\"} 1.0"), metrics);
        assertTrue(metrics.contains("verifier_passwords_hashing_rejected_total 1.0"), metrics);
        assertFalse(metrics.contains("verifier_authorize_logins_total{result=\"failed\"}"), "not a failed login");
        List<String> events = AuditTopicReader.read(SharedKafka.bootstrapServers(),
                v -> v.contains("password_hashing_busy"), found -> !found.isEmpty(), Duration.ofSeconds(30));
        assertTrue(events.get(0).contains("login_throttled"), events.get(0));

        Browser.Page afterwards = login(TestUsers.PASSWORD);
        assertEquals(303, afterwards.status(), "the slot is free again: " + afterwards.body());
    }

    @Test
    void userCreationWhenEveryHashingSlotStaysBusyThenTemporarilyUnavailable() throws Exception {
        Json json = new Json(server.getURL().toString(), mapper);

        Json.Answer answer = whileTheOnlySlotIsHeld(() -> json.post("/admin/users", TestTokens.usersAdmin(),
                Map.of("username", "not-now", "password", "a long enough passphrase")));

        assertEquals(503, answer.status(), answer.body().toString());
        assertEquals("temporarily_unavailable", answer.body().get("error"));
        assertEquals("too many passwords are being hashed; try again shortly", answer.body().get("error_description"));
        assertTrue(users.find("not-now").isEmpty());
    }

    /** Runs the action while another thread holds the only hashing slot, then frees it. */
    <T> T whileTheOnlySlotIsHeld(Supplier<T> action) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> limiter.run(1, () -> {
            holding.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        try {
            return action.get();
        } finally {
            release.countDown();
            assertTrue(holder.get(10, TimeUnit.SECONDS));
        }
    }

    Browser.Page login(String password) {
        Browser browser = new Browser(server.getURL().toString());
        return browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))), "busy-user", password);
    }
}
