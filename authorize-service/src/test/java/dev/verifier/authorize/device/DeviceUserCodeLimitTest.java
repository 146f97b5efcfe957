package dev.verifier.authorize.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attempt limit of user-code entry ({@code verifier.throttle.user-code-per-user}, here 3): attempts are counted
 * in the database before they are decided, so parallel entries cannot pass it together. Every entry counts, decided or
 * refused, so in a burst an entry may be refused because others were counted first: a burst gets at most 3 verdicts,
 * not always exactly 3; one entry after another gets exactly 3.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.throttle.user-code-per-user", value = "3")
class DeviceUserCodeLimitTest extends FrontChannelTest {

    record SignedIn(Browser browser, String csrf) {
        int enter(String userCode) {
            return browser.post("/device", List.of(Map.entry("csrf_token", csrf), Map.entry("user_code", userCode)))
                    .status();
        }
    }

    SignedIn signedIn(String username) {
        Browser browser = browser();
        Browser.Page login = browser.get("/device");
        Browser.Page back = browser.post("/device/login", List.of(Map.entry("csrf_token", login.hidden("csrf_token")),
                Map.entry("user_code", ""), Map.entry("username", username), Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(303, back.status());
        return new SignedIn(browser, browser.get("/device").hidden("csrf_token"));
    }

    @Test
    void parallelWrongCodesOverTheLimitThenTooManyRequests() throws Exception {
        SignedIn alice = signedIn("alice");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> alice.enter("BCDF-GHJK"), pool));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            long verdicts = statuses.stream().filter(s -> s == 400).count();
            assertTrue(verdicts <= 3, verdicts + " wrong codes were checked; the limit is 3: " + statuses);
            assertEquals(8 - verdicts, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        Browser.Page limited = alice.browser().post("/device", List.of(Map.entry("csrf_token", alice.csrf()),
                Map.entry("user_code", "BCDF-GHJK")));
        assertEquals(429, limited.status());
        assertTrue(limited.body().contains("too many failed attempts"), limited.body());
    }

    @Test
    void oneWrongCodeAfterAnotherGetsExactlyTheLimitThenTooManyRequests() {
        TestUsers.create(users, "dave");
        SignedIn dave = signedIn("dave");
        for (int i = 1; i <= 3; i++) {
            assertEquals(400, dave.enter("BCDF-GHJK"), "entry " + i + " of 3 is checked");
        }
        assertEquals(429, dave.enter("BCDF-GHJK"), "the fourth entry is over the limit");
    }
}
