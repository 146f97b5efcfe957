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
 * in the database before they are decided, so parallel entries cannot pass it together.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.throttle.user-code-per-user", value = "3")
class DeviceUserCodeLimitTest extends FrontChannelTest {

    @Test
    void parallelWrongCodesOverTheLimitThenTooManyRequests() throws Exception {
        Browser browser = browser();
        Browser.Page login = browser.get("/device");
        Browser.Page back = browser.post("/device/login", List.of(Map.entry("csrf_token", login.hidden("csrf_token")),
                Map.entry("user_code", ""), Map.entry("username", "alice"), Map.entry("password", TestUsers.PASSWORD)));
        assertEquals(303, back.status());
        Browser.Page entry = browser.get("/device");
        String csrf = entry.hidden("csrf_token");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> browser.post("/device", List.of(
                        Map.entry("csrf_token", csrf), Map.entry("user_code", "BCDF-GHJK"))).status(), pool));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertEquals(3, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        Browser.Page limited = browser.post("/device", List.of(Map.entry("csrf_token", csrf),
                Map.entry("user_code", "BCDF-GHJK")));
        assertEquals(429, limited.status());
        assertTrue(limited.body().contains("too many failed attempts"), limited.body());
    }
}
