package dev.verifier.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.authorize.user.UserService;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole front channel on a real PostgreSQL 15: users, failed-login counting, interactions, sessions and
 * consents (every repository query of the module runs here).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontChannelPostgresTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(AuthorizeTestContext.super.getProperties());
        props.putAll(SharedPostgres.properties("authorize_front_channel"));
        return props;
    }

    @Test
    void loginConsentSessionReuseAndThrottlingWorkOnPostgres() {
        RegisteredClient client = TestClients.publicClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "grace");
        Browser browser = new Browser(server.getURL().toString());
        String url = AuthorizeUrls.of(AuthorizeUrls.valid(client));

        Browser.Page login = browser.get(url);
        assertEquals(200, browser.login(login, "grace", "wrong password").status());
        Browser.Page consent = browser.login(login, "grace", TestUsers.PASSWORD);
        assertTrue(consent.isConsentPage(), consent.body());
        assertNotNull(browser.consent(consent, "approve").redirectParams().get("code"));
        assertNotNull(browser.get(url).redirectParams().get("code"), "session and consent read back from PostgreSQL");
        assertEquals("grace", users.find("grace").orElseThrow().username());
    }
}
