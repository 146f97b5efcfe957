package dev.verifier.authorize.session;

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

/** SSO sessions end after the idle time-out without use, and at the absolute time-out however much they are used. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.session.idle-timeout", value = "10m")
@Property(name = "verifier.session.absolute-timeout", value = "30m")
@Property(name = "test.clock", value = "mutable")
class SessionTimeoutTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;
    @Inject
    SessionService sessions;
    @Inject
    TestClock clock;

    RegisteredClient client;

    @BeforeAll
    void setUp() {
        client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "frank");
    }

    Browser loggedIn() {
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page redirect = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))), "frank",
                TestUsers.PASSWORD);
        assertEquals(303, redirect.status());
        return browser;
    }

    @Test
    void sessionUnusedLongerThanIdleTimeoutThenLoginAgain() {
        Browser browser = loggedIn();
        assertEquals(303, browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))).status(), "session reused");
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertTrue(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))).isLoginPage());
    }

    @Test
    void purgeDeletesTimedOutSessions() {
        loggedIn();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertTrue(sessions.purgeExpired() >= 1, "the idle session is deleted");
        assertEquals(0, sessions.purgeExpired());
    }

    @Test
    void sessionInUseEndsAtAbsoluteTimeout() {
        Browser browser = loggedIn();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(9));
            assertEquals(303, browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))).status(),
                    "use keeps the idle clock from running out");
        }
        clock.advance(Duration.ofMinutes(4));
        assertTrue(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))).isLoginPage(),
                "the absolute time-out ends the session even while used");
    }
}
