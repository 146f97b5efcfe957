package dev.verifier.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.Test;

/**
 * The health contract every service keeps, as tests a service's test class inherits: liveness is up, and readiness
 * is up and covers the database and Kafka; no server filter is bound to some paths only (Micronaut then matches and
 * sorts every filter per request). The class supplies its running server.
 */
public interface ServiceHealthContract {

    EmbeddedServer server();

    @Test
    default void livenessAnswersUp() throws Exception {
        Map<String, Object> body = getJson("/health/liveness", 200);
        assertEquals("UP", body.get("status"));
    }

    @Test
    default void readinessIsUpAndCoversDatabaseAndKafka() throws Exception {
        Map<String, Object> body = getJson("/health/readiness", 200);
        assertEquals("UP", body.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        assertTrue(details.containsKey("jdbc"), "readiness covers the database: " + details.keySet());
        assertTrue(details.containsKey("kafka"), "readiness covers Kafka: " + details.keySet());
    }

    @Test
    default void everyPathIsFilteredByOneSharedList() {
        Router router = server().getApplicationContext().getBean(Router.class);
        var health = router.findFilters(io.micronaut.http.HttpRequest.GET("/health/readiness"));
        var token = router.findFilters(io.micronaut.http.HttpRequest.POST("/token", ""));
        assertTrue(health == token, "a filter bound to some paths only makes each request match and sort every filter");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server().getURL() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), path + " answered " + response.body());
        JsonMapper json = server().getApplicationContext().getBean(JsonMapper.class);
        return json.readValue(response.body(), Map.class);
    }
}
