package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestClock;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Failed logins are throttled per account and per source address, with a clear page, and the limit lifts. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.login.throttle-window", value = "10m")
@Property(name = "verifier.login.account-limit", value = "3")
@Property(name = "verifier.login.address-limit", value = "6")
@Property(name = "test.clock", value = "mutable")
class LoginThrottlingTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;
    @Inject
    TestClock clock;

    RegisteredClient client;

    @BeforeAll
    void setUp() {
        client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "bob");
        TestUsers.create(users, "bert");
        TestUsers.create(users, "bill");
    }

    Browser.Page attempt(String username, String password) {
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client)));
        return browser.login(login, username, password);
    }

    @Test
    void throttlingKicksInPerAccountThenPerAddressAndLifts() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, attempt("bob", "wrong password").status());
        }
        Browser.Page blocked = attempt("bob", TestUsers.PASSWORD);
        assertEquals(429, blocked.status(), "even the right password is refused while throttled");
        assertTrue(blocked.body().contains("too many failed sign-in attempts"), blocked.body());
        assertTrue(blocked.location().isEmpty());
        assertEquals(303, attempt("bert", TestUsers.PASSWORD).status(), "other accounts are not blocked yet");

        for (int i = 0; i < 3; i++) {
            attempt("nobody-" + i, "wrong password");
        }
        assertEquals(429, attempt("bill", TestUsers.PASSWORD).status(), "6 failures from this address block it");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1)); // the window
        Browser.Page lifted = attempt("bob", TestUsers.PASSWORD);
        assertEquals(303, lifted.status(), "the limit lifts when the window has passed: " + lifted.body());
        assertTrue(lifted.location().orElseThrow().contains("code="));

        String metrics = new Browser(server.getURL().toString()).get("/prometheus").body();
        assertTrue(metrics.contains("verifier_authorize_logins_total{result=\"throttled\"} 2.0"), metrics);
        assertTrue(metrics.contains("verifier_authorize_logins_total{result=\"failed\"} 6.0"), metrics);
    }
}
