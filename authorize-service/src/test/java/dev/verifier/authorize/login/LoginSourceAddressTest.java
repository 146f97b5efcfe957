package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.FakeRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Behind a trusted proxy the source address is the right-most X-Forwarded-For entry (the one the proxy appended),
 * so each client is throttled on its own and a client-supplied prefix changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.http.trusted-proxies", value = "127.0.0.1/32")
@Property(name = "verifier.login.address-limit", value = "2")
@Property(name = "verifier.login.account-limit", value = "100")
class LoginSourceAddressTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    JsonMapper json;

    ForwardedLogins logins;

    @BeforeAll
    void logins() {
        logins = new ForwardedLogins(server, registry);
    }

    @Test
    void addressesAreThrottledSeparatelyAndSpoofedPrefixesDoNotHelp() throws Exception {
        assertEquals(200, logins.attempt("203.0.113.7").status());
        assertEquals(200, logins.attempt("198.51.100.1, 203.0.113.7").status());
        assertEquals(429, logins.attempt("192.0.2.99, 203.0.113.7").status(),
                "the proxy-appended address is the one counted");
        assertEquals(200, logins.attempt("203.0.113.8").status(), "another client is not blocked");
    }

    @Test
    void theAuditEventNamesTheAddressTheProxyAppended() throws Exception {
        ForwardedLogins.Attempt attempt = logins.attempt("192.0.2.55, 203.0.113.40");
        assertEquals("203.0.113.40", ForwardedLogins.auditedSource(attempt.clientId(), json),
                "not the client-supplied first entry");
    }
}
