package dev.verifier.authorize.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Properties;

import dev.verifier.authorize.support.AuthorizeTestContext;
import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.testsupport.Browser;
import dev.verifier.authorize.support.FakeRegistry;
import dev.verifier.authorize.support.TestClients;
import dev.verifier.authorize.support.TestTokens;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.testsupport.SharedKafka;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Clients are read from the registry once, served from the cache, and evicted by a ClientChanged event. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCacheEvictionTest implements AuthorizeTestContext {

    @Inject
    EmbeddedServer server;
    @Inject
    FakeRegistry registry;
    @Inject
    JsonMapper mapper;

    @Test
    void clientIsCachedUntilClientChangedEvictsIt() throws Exception {
        RegisteredClient client = TestClients.publicClient("https://app.example/cb");
        registry.put(client);
        Browser browser = new Browser(server.getURL().toString());
        String url = AuthorizeUrls.of(AuthorizeUrls.valid(client));
        assertTrue(browser.get(url).isLoginPage());
        int reads = registry.clientReads();
        assertTrue(browser.get(url).isLoginPage());
        assertEquals(reads, registry.clientReads(), "the second request is served from the cache");

        registry.remove(client.clientId());
        assertTrue(browser.get(url).isLoginPage(), "still cached: no event yet");

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        byte[] event = mapper.writeValueAsBytes(ClientChanged.of(client.clientId(), ClientChanged.Change.DELETED));
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            Instant deadline = Instant.now().plusSeconds(20);
            int status = 200;
            while (status == 200 && Instant.now().isBefore(deadline)) {
                producer.send(new ProducerRecord<>(Topics.CLIENT_CHANGED, client.clientId(), event)).get();
                Thread.sleep(300);
                status = browser.get(url).status();
            }
            assertEquals(400, status, "after ClientChanged the client is read again and is now unknown");
        }
    }

    @Test
    void registryDownThenErrorPageNotServerErrorAndNoRedirect() {
        RegisteredClient client = TestClients.publicClient("https://app.example/cb");
        registry.put(client);
        new Browser(server.getURL().toString()).get(AuthorizeUrls.of(AuthorizeUrls.valid(
                TestClients.publicClient("https://app.example/warm-up"))));
        registry.failing(true);
        int tokensBefore = TestTokens.tokenRequests();
        try {
            Browser.Page page = new Browser(server.getURL().toString())
                    .get(AuthorizeUrls.of(AuthorizeUrls.valid(client)));
            assertEquals(503, page.status(), page.body());
            assertTrue(page.location().isEmpty());
            assertTrue(page.body().contains("temporarily_unavailable"), page.body());
            assertTrue(page.body().contains("the client registry answered 503"), page.body());
        } finally {
            registry.failing(false);
        }
        assertTrue(new Browser(server.getURL().toString()).get(AuthorizeUrls.of(AuthorizeUrls.valid(client)))
                .isLoginPage(), "a failed read is not cached");
        assertEquals(tokensBefore + 1, TestTokens.tokenRequests(), "the registry token was replaced after the failure");
    }
}
