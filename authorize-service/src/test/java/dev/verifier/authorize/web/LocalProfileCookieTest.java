package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** In the local profile (plain http on loopback) the cookies are not Secure, but still HttpOnly and SameSite=Lax. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.profile.local", value = "true")
class LocalProfileCookieTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;

    @Test
    void cookiesAreNotSecureInTheLocalProfile() {
        RegisteredClient client = TestClients.publicClient("https://app.example/cb");
        registry.put(client);
        Browser.Page login = new Browser(server.getURL().toString()).get(AuthorizeUrls.of(AuthorizeUrls.valid(client)));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("verifier_csrf="))
                .findFirst().orElseThrow().toLowerCase(Locale.ROOT);
        assertFalse(cookie.contains("; secure"), cookie);
        assertTrue(cookie.contains("; httponly"), cookie);
        assertTrue(cookie.contains("; samesite=lax"), cookie);
    }
}
