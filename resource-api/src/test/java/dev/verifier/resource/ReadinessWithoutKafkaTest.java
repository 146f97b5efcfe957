package dev.verifier.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.verifier.infra.kafka.KafkaBroker;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

/** Readiness really depends on Kafka: with no broker behind the bootstrap address it answers 503 DOWN. */
class ReadinessWithoutKafkaTest {

    @Test
    void readinessIsDownWhenKafkaCannotBeReached() throws Exception {
        String deadBroker = "127.0.0.1:" + KafkaBroker.freePort();
        Map<String, Object> props = Map.of(
                "kafka.bootstrap.servers", deadBroker,
                "kafka.health.timeout", "2s",
                "kafka.request.timeout.ms", "2000",
                "kafka.default.api.timeout.ms", "2000",
                "verifier.kafka.topics.create", "false");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.getURL() + "/health/readiness")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(503, response.statusCode(), response.body());
        }
    }
}
