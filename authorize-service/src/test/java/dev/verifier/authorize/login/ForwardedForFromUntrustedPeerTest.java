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
 * Without trusted proxies (the default) X-Forwarded-For is ignored: a client cannot escape the per-address limit by
 * sending a different address in that header each time, nor put one of its choice in the audit trail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.login.address-limit", value = "2")
@Property(name = "verifier.login.account-limit", value = "100")
class ForwardedForFromUntrustedPeerTest implements AuthorizeTestContext {

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
    void forwardedForIsIgnoredUnlessThePeerIsATrustedProxy() throws Exception {
        ForwardedLogins.Attempt first = logins.attempt("203.0.113.7");
        assertEquals(200, first.status());
        assertEquals(200, logins.attempt("203.0.113.8").status());
        assertEquals(429, logins.attempt("203.0.113.9").status(), "all three came from the socket peer 127.0.0.1");
        assertEquals("127.0.0.1", ForwardedLogins.auditedSource(first.clientId(), json),
                "the audit event names the socket peer, not a header anyone can set");
    }
}
