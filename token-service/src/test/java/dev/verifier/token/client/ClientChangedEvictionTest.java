package dev.verifier.token.client;

import static dev.verifier.token.support.Http.basic;
import static dev.verifier.token.support.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.token.support.FakeRegistry;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A cached client is used until a ClientChanged event evicts it; then the registry's new data applies. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ClientChangedEvictionTest")
class ClientChangedEvictionTest implements TokenServiceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClients clients;
    @Inject
    FakeRegistry registry;
    @Inject
    ChangePublisher publisher;

    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = "ClientChangedEvictionTest")
    interface ChangePublisher {
        @Topic(Topics.CLIENT_CHANGED)
        void publish(@KafkaKey String clientId, ClientChanged event);
    }

    int status(Http http, String id, String secret) {
        return http.post("/token", form("grant_type", "client_credentials"), "Authorization", basic(id, secret))
                .status();
    }

    @Test
    void rotatedSecretAppliesOnceClientChangedArrives() throws Exception {
        Http http = new Http(server.getURI(), json);
        TestClients.Client c = clients.register("client_secret_basic", "api", "client_credentials");
        assertEquals(200, status(http, c.id(), c.secret()));

        String newSecret = ClientSecrets.generate();
        RegisteredClient old = c.registered();
        registry.put(new RegisteredClient(old.clientId(), old.metadata(), ClientSecrets.hash(newSecret), null,
                old.firstParty(), old.clientIdIssuedAt(), Instant.now()));
        assertEquals(401, status(http, c.id(), newSecret), "the cached client still has the old secret");

        // every copy's consumer starts at the latest offset: publish until this one has caught an event
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int answer = 401;
        while (answer != 200 && Instant.now().isBefore(deadline)) {
            publisher.publish(c.id(), ClientChanged.of(c.id(), ClientChanged.Change.SECRET_ROTATED));
            Thread.sleep(500);
            answer = status(http, c.id(), newSecret);
        }

        assertEquals(200, answer);
        assertEquals(401, status(http, c.id(), c.secret()));
    }
}
