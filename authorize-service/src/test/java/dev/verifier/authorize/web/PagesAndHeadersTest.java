package dev.verifier.authorize.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Security headers on every page, one local stylesheet and no external assets, accessible forms. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesAndHeadersTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;

    RegisteredClient client;

    @BeforeAll
    void setUp() {
        client = TestClients.publicClient("https://app.example/cb");
        registry.put(client);
    }

    static void assertSecurityHeaders(Browser.Page page) {
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void loginPageCarriesSecurityHeadersAndOnlyTheLocalStylesheet() {
        Browser.Page login = new Browser(server.getURL().toString()).get(AuthorizeUrls.of(AuthorizeUrls.valid(client)));
        assertTrue(login.isLoginPage());
        assertSecurityHeaders(login);
        assertTrue(login.body().contains("<link rel=\"stylesheet\" href=\"/assets/style.css\">"));
        assertFalse(login.body().contains("http://") || login.body().contains("https://"), "no external assets");
        assertTrue(login.body().contains("<html lang=\"en\""));
        assertTrue(login.body().contains("<label for=\"username\">"), "labelled inputs");
        assertTrue(login.body().contains("<label for=\"password\">"));
    }

    @Test
    void errorPageAndRedirectCarrySecurityHeaders() {
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page error = browser.get("/authorize?client_id=unknown");
        assertEquals(400, error.status());
        assertSecurityHeaders(error);
        assertFalse(error.body().contains("Exception"), "no internals");
        Map<String, String> params = AuthorizeUrls.valid(client);
        params.put("response_type", "token");
        assertSecurityHeaders(browser.get(AuthorizeUrls.of(params)));
    }

    @Test
    void stylesheetIsServedAnonymously() {
        Browser.Page css = new Browser(server.getURL().toString()).get("/assets/style.css");
        assertEquals(200, css.status());
        assertTrue(css.body().contains("font"));
    }

    @Test
    void authorizationErrorsAreCountedAtPrometheus() {
        Map<String, String> params = AuthorizeUrls.valid(client);
        params.put("scope", "openid admin");
        Browser browser = new Browser(server.getURL().toString());
        browser.get(AuthorizeUrls.of(params));
        Browser.Page metrics = browser.get("/prometheus");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("verifier_authorize_errors_total{error=\"invalid_scope\"}"),
                metrics.body().lines().filter(l -> l.startsWith("verifier")).toList().toString());
    }
}
