package dev.verifier.shared.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.verifier.testsupport.KafkaTest;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Each event of the contract goes through the real broker with micronaut-kafka and comes back field for field. */
@MicronautTest(rebuildContext = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@io.micronaut.context.annotation.Property(name = "spec.name", value = "EventsOverKafkaTest")
class EventsOverKafkaTest implements KafkaTest {

    @Inject
    EventSender sender;
    @Inject
    EventReceiver receiver;

    @Test
    void codeIssuedRoundTripsFieldForField() throws Exception {
        Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CodeIssued event = new CodeIssued(CodeIssued.SCHEMA_VERSION, "q2W5b0f8h3y3xkM6m8Jb3xZ0h6oX1mYk1Qz0d2Zr1A4",
                "spa-client", "https://app.example/cb", "openid profile offline_access", "sub-123",
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256", "n-0S6_WzA2Mj", issued.minusSeconds(5),
                "urn:verifier:acr:pwd", List.of("pwd"), "session-1",
                Map.of("name", "Alice Example", "email", "alice@example.com", "email_verified", true),
                issued, issued.plusSeconds(60));

        sender.codeIssued(event.codeHash(), event);

        assertEquals(event, receiver.codes.poll(20, TimeUnit.SECONDS));
        assertEquals(event.codeHash(), receiver.codeKeys.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void clientChangedRoundTripsFieldForField() throws Exception {
        ClientChanged event = new ClientChanged(ClientChanged.SCHEMA_VERSION, "client-42",
                ClientChanged.Change.SECRET_ROTATED, Instant.now().truncatedTo(ChronoUnit.MILLIS));

        sender.clientChanged(event.clientId(), event);

        assertEquals(event, receiver.clients.poll(20, TimeUnit.SECONDS));
        assertEquals("client-42", receiver.clientKeys.poll(1, TimeUnit.SECONDS));
    }

    @KafkaClient(acks = KafkaClient.Acknowledge.ALL)
    @Requires(property = "spec.name", value = "EventsOverKafkaTest")
    interface EventSender {
        @Topic(Topics.CODE_ISSUED)
        void codeIssued(@KafkaKey String codeHash, CodeIssued event);

        @Topic(Topics.CLIENT_CHANGED)
        void clientChanged(@KafkaKey String clientId, ClientChanged event);
    }

    @Singleton
    @Requires(property = "spec.name", value = "EventsOverKafkaTest")
    @KafkaListener(groupId = "events-over-kafka-test", offsetReset = OffsetReset.EARLIEST)
    static class EventReceiver {
        final BlockingQueue<CodeIssued> codes = new LinkedBlockingQueue<>();
        final BlockingQueue<String> codeKeys = new LinkedBlockingQueue<>();
        final BlockingQueue<ClientChanged> clients = new LinkedBlockingQueue<>();
        final BlockingQueue<String> clientKeys = new LinkedBlockingQueue<>();

        @Topic(Topics.CODE_ISSUED)
        void onCode(@KafkaKey String key, CodeIssued event) {
            codeKeys.add(key);
            codes.add(event);
        }

        @Topic(Topics.CLIENT_CHANGED)
        void onClient(@KafkaKey String key, ClientChanged event) {
            clientKeys.add(key);
            clients.add(event);
        }
    }

}
