package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserRecord;
import dev.verifier.authorize.user.UserRepository;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.Browser;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users stored before Argon2id (PBKDF2) or below the configured cost log in over HTTP and leave with a current
 * Argon2id hash; new users get Argon2id; a wrong password or a malformed stored hash changes nothing and answers the
 * usual login page. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class PasswordMigrationContract implements AuthorizeTestContext {

    static final String PASSWORD = "an old but good passphrase";

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;
    @Inject
    UserRepository repository;
    @Inject
    PasswordHasher hasher;

    RegisteredClient client;

    @BeforeAll
    void registerClient() {
        client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
    }

    @Test
    void userStoredWithPbkdf2BeforeTheChangeLogsInAndIsStoredAsArgon2idAfterwards() {
        String legacy = Hashers.pbkdf2AsStoredBefore(PASSWORD, 1000);
        storeUser("legacy-user", legacy);

        assertLoggedIn(login("legacy-user", PASSWORD));

        String stored = storedHash("legacy-user");
        assertTrue(stored.startsWith(currentPrefix()), stored);
        assertEquals(PasswordCheck.MATCH, hasher.check(PASSWORD, stored));
        assertLoggedIn(login("legacy-user", PASSWORD));
        assertEquals(stored, storedHash("legacy-user"), "a current hash is not rewritten again");
    }

    @Test
    void argon2idHashBelowTheConfiguredCostIsUpgradedAtLogin() {
        Argon2Cost configured = hasher.cost();
        String weak = Hashers.at(Math.max(8, configured.memoryKib() / 2), configured.iterations(), 1).hash(PASSWORD);
        storeUser("weak-user", weak);

        assertLoggedIn(login("weak-user", PASSWORD));

        String stored = storedHash("weak-user");
        assertTrue(stored.startsWith(currentPrefix()), stored);
        assertTrue(hasher.matches(PASSWORD, stored));
    }

    @Test
    void wrongPasswordLeavesTheOldHashAsItWas() {
        String legacy = Hashers.pbkdf2AsStoredBefore(PASSWORD, 1000);
        storeUser("legacy-wrong", legacy);

        Browser.Page page = login("legacy-wrong", "not the password");

        assertEquals(200, page.status());
        assertTrue(page.isLoginPage(), page.body());
        assertEquals(legacy, storedHash("legacy-wrong"));
    }

    @Test
    void newUsersGetArgon2idAtTheConfiguredCost() {
        TestUsers.create(users, "brand-new");
        String stored = storedHash("brand-new");
        assertTrue(stored.startsWith(currentPrefix()), stored);
        assertLoggedIn(login("brand-new", TestUsers.PASSWORD));
        assertEquals(stored, storedHash("brand-new"));
    }

    @Test
    void malformedStoredHashRefusesTheLoginWithTheUsualPageNotAnError() {
        storeUser("malformed", "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$garbage");

        Browser.Page page = login("malformed", PASSWORD);

        assertEquals(200, page.status());
        assertTrue(page.body().contains("The username or password is incorrect."), page.body());
    }

    String currentPrefix() {
        return "$argon2id$v=19$" + hasher.cost() + "$";
    }

    Browser.Page login(String username, String password) {
        Browser browser = new Browser(server.getURL().toString());
        return browser.login(browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client))), username, password);
    }

    static void assertLoggedIn(Browser.Page page) {
        assertEquals(303, page.status(), page.body());
        assertTrue(page.location().orElseThrow().contains("code="), page.location().orElseThrow());
    }

    void storeUser(String username, String passwordHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        repository.save(new UserRecord(username, UUID.randomUUID().toString(), passwordHash, "{}", now, now, now));
    }

    String storedHash(String username) {
        return repository.findById(username).orElseThrow().passwordHash();
    }
}
