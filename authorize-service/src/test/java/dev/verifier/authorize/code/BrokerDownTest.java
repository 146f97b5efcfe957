package dev.verifier.authorize.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** When Kafka cannot confirm the CodeIssued event, the user gets a "try again" page and no code is redirected. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerDownTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    UserService users;

    RegisteredClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(AuthorizeTestContext.super.getProperties());
        props.put("kafka.bootstrap.servers", "127.0.0.1:" + AuthorizeTestContext.freePort());
        props.put("verifier.kafka.topics.create", "false");
        props.put("kafka.health.enabled", "false");
        props.put("kafka.producers.default.max.block.ms", "1500");
        props.put("kafka.producers.default.delivery.timeout.ms", "2000");
        props.put("kafka.producers.default.request.timeout.ms", "1000");
        props.put("verifier.authorize.event-confirm-timeout", "2s");
        return props;
    }

    @BeforeAll
    void setUp() {
        client = TestClients.firstPartyClient("https://app.example/cb");
        registry.put(client);
        TestUsers.create(users, "dora");
    }

    @Test
    void brokerUnreachableThenTryAgainPageAndNoRedirect() {
        Browser browser = new Browser(server.getURL().toString());
        Browser.Page login = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(client)));
        Browser.Page page = browser.login(login, "dora", TestUsers.PASSWORD);
        assertEquals(503, page.status(), page.body());
        assertTrue(page.location().isEmpty(), "no redirect, so no unredeemable code reaches the client");
        assertTrue(page.body().contains("try again"), page.body());
        assertTrue(!page.body().contains("code="), page.body());
        String metrics = new Browser(server.getURL().toString()).get("/prometheus").body();
        assertTrue(metrics.contains("verifier_authorize_codes_unconfirmed_total 1.0"),
                "refused because the event was not confirmed: " + metrics);
    }
}
