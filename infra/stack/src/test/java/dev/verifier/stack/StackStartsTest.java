package dev.verifier.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every service starts from its real jar against the real broker, on H2 and on PostgreSQL, and is ready. */
class StackStartsTest {

    /** RFC 9110 §5.6.7: e.g. {@code Sat, 05 Dec 2026 15:31:30 GMT}, the day with two digits. */
    private static final String IMF_FIXDATE =
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Database.class)
    void everyServiceIsReadyWithItsDatabaseAndKafka(Database database) throws Exception {
        VerifierStack stack = VerifierStack.on(database);
        for (Service service : Service.values()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(stack.url(service).resolve("/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), service + ": " + response.body());
            JsonNode details = json.readTree(response.body()).path("details");
            assertEquals("UP", details.path("kafka").path("status").asText(), service + " Kafka");
            String jdbc = details.path("jdbc").path("details").fieldNames().next();
            assertTrue(jdbc.startsWith(database == Database.H2 ? "jdbc:h2:file:" : "jdbc:postgresql:"),
                    service + " uses " + jdbc);
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void unknownPathsAnswerTheRfcErrorShapeNeverAStackTrace(Service service) throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(stack.url(service).resolve("/no/such/path")).build(),
                HttpResponse.BodyHandlers.ofString());

        // every service, those with bearer-token security too (micronaut.security.reject-not-found: false): 404
        assertEquals(404, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("not_found", body.path("error").asText());
        assertTrue(body.has("error_description"));
        assertEquals(2, body.size(), "only error and error_description: " + body);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void anAcceptHeaderNoAnswerOfAJsonResourceMatchesGetsA406SayingSo(Service service) throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(stack.url(service).resolve(jsonResource(service)))
                        .header("Accept", "application/token-introspection+jwt").build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(406, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("invalid_request", body.path("error").asText());
        assertEquals("no representation of this resource matches the Accept header",
                body.path("error_description").asText());
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyAnswerCarriesOneDateHeaderAsAnImfFixdate(Service service) throws Exception {
        VerifierStack stack = VerifierStack.on(Database.H2);
        for (String path : List.of("/health/readiness", "/no/such/path", jsonResource(service))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.url(service).resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> dates = response.headers().allValues("date");
            assertEquals(1, dates.size(), service + " " + path + ": " + dates);
            assertTrue(dates.get(0).matches(IMF_FIXDATE), service + " " + path + ": " + dates.get(0));
        }
    }

    /** A resource each service answers as JSON only (with no token, a protected one is not reached). */
    private static String jsonResource(Service service) {
        return switch (service) {
            case AUTHORIZE -> "/.well-known/openid-configuration";
            case TOKEN -> "/jwks";
            case REGISTRY -> "/clients";
            case RESOURCE -> "/api/me";
        };
    }
}
