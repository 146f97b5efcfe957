package dev.verifier.authorize.support;

import dev.verifier.authorize.user.UserService;
import dev.verifier.authorize.user.UserView;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the browser-flow tests (subclasses add {@code @MicronautTest} and PER_CLASS): user {@code alice}, and
 * before each test a new public client {@link #spa} with {@link #CB} (consent is remembered per user and client, so
 * every test starts with a client alice never approved).
 */
public abstract class FrontChannelTest implements AuthorizeTestContext {

    public static final String CB = "https://app.example/cb";

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected FakeRegistry registry;
    @Inject
    protected UserService users;

    protected RegisteredClient spa;
    protected UserView alice;

    @BeforeAll
    void createAlice() {
        alice = TestUsers.create(users, "alice");
    }

    @BeforeEach
    void freshClient() {
        spa = TestClients.publicClient(CB);
        registry.put(spa);
    }

    protected Browser browser() {
        return new Browser(server.getURL().toString());
    }

    /** A browser in which alice has logged in and approved {@link #spa}'s default request. */
    protected Browser loggedInAndApproved() {
        Browser browser = browser();
        browser.consent(browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa))), "alice",
                TestUsers.PASSWORD), "approve");
        return browser;
    }
}
