package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserRepository;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The one test at the default (OWASP) cost, which the other tests lower for speed: a user is created and logs in over
 * HTTP, stored as {@code $argon2id$v=19$m=19456,t=2,p=1$...}, with the cap derived from this JVM's heap.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.passwords.memory-kib", value = "" + PasswordHashingConfiguration.DEFAULT_MEMORY_KIB)
@Property(name = "verifier.passwords.iterations", value = "" + PasswordHashingConfiguration.DEFAULT_ITERATIONS)
@Property(name = "verifier.passwords.parallelism", value = "" + PasswordHashingConfiguration.DEFAULT_PARALLELISM)
class PasswordHashingDefaultCostTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;
    @Inject
    UserRepository repository;
    @Inject
    PasswordCheckLimiter limiter;

    @Test
    void userAtTheDefaultCostIsStoredAsOwaspArgon2idAndLogsIn() {
        assertEquals(new Argon2Cost(19456, 2, 1), PasswordHashingConfiguration.OWASP_MINIMUM);
        RegisteredClient client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "owasp-user");

        String stored = repository.findById("owasp-user").orElseThrow().passwordHash();
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page page = browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))), "owasp-user",
                TestUsers.PASSWORD);
        assertEquals(303, page.status(), page.body());
        assertTrue(limiter.cap() >= 1);
    }
}
