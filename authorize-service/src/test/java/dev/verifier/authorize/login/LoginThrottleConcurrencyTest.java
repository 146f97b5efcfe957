package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Attempts are counted before the password is checked: a burst of parallel wrong passwords for one account gets no
 * more verdicts ("incorrect") than the account limit; every other attempt sees the throttled page, never a 5xx.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.login.throttle-window", value = "10m")
@Property(name = "verifier.login.account-limit", value = "3")
@Property(name = "verifier.login.address-limit", value = "1000")
class LoginThrottleConcurrencyTest implements AuthorizeTestContext {

    static final int BURST = 24;

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;

    RegisteredClient client;

    @BeforeAll
    void setUp() {
        client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "carol");
    }

    @Test
    void parallelWrongPasswordsGetNoMoreVerdictsThanTheAccountLimit() throws Exception {
        List<Browser> browsers = new ArrayList<>();
        List<Browser.Page> forms = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Browser browser = new Browser(server.getURL().toString());
            browsers.add(browser);
            forms.add(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Browser.Page>> answers = new ArrayList<>();
        int verdicts = 0;
        int throttled = 0;
        try {
            for (int i = 0; i < BURST; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return browsers.get(n).login(forms.get(n), "carol", "wrong password " + n);
                }));
            }
            start.countDown();
            for (Future<Browser.Page> answer : answers) {
                Browser.Page page = answer.get(60, TimeUnit.SECONDS);
                if (page.status() == 200 && page.body().contains("The username or password is incorrect.")) {
                    verdicts++;
                } else {
                    assertEquals(429, page.status(), page.body());
                    throttled++;
                }
            }
            assertTrue(verdicts <= 3, verdicts + " wrong passwords were checked; the limit is 3");
            assertEquals(BURST, verdicts + throttled);
        } finally {
            pool.shutdownNow();
        }
        // a refused attempt is no failure, so a burst may leave fewer than 3: one after another, the rest are checked
        for (int i = verdicts; i < 3; i++) {
            Browser browser = new Browser(server.getURL().toString());
            Browser.Page wrong = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))), "carol",
                    "wrong password after the burst " + i);
            assertEquals(200, wrong.status(), wrong.body());
            assertTrue(wrong.body().contains("The username or password is incorrect."), wrong.body());
        }
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page right = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))), "carol",
                TestUsers.PASSWORD);
        assertEquals(429, right.status(), "the account stays throttled for the window");
    }
}
