package dev.verifier.resource.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.verifier.testsupport.KafkaTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The demo SPA is served at /demo/ without a token, with its configuration at /demo/config.json. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "verifier.demo.client-id", value = "demo-spa")
class DemoAppServedTest implements KafkaTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void demoPageAndScriptAreServedAnonymously() throws Exception {
        for (String path : new String[] {"/demo/", "/demo/index.html"}) {
            HttpResponse<String> page = get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(page.body().contains("Verifier demo app"), path);
        }
        HttpResponse<String> script = get("/demo/app.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("code_challenge_method: \"S256\""));
        assertTrue(script.body().contains("id_token_hint: tokens.id_token"), "logs out at the end_session_endpoint");
    }

    @Test
    void configNamesTheIssuerEndpointsAndClient() throws Exception {
        HttpResponse<String> response = get("/demo/config.json");

        assertEquals(200, response.statusCode(), response.body());
        Map<?, ?> config = json.readValue(response.body(), Map.class);
        assertEquals("http://localhost:9000", config.get("issuer"));
        assertEquals("http://localhost:9000/authorize", config.get("authorization_endpoint"));
        assertEquals("http://localhost:9001/token", config.get("token_endpoint"));
        assertEquals("demo-spa", config.get("client_id"));
        assertEquals("http://localhost:9003/demo/", config.get("redirect_uri"));
        assertEquals("http://localhost:9000/logout", config.get("end_session_endpoint"));
        assertEquals("http://localhost:9003/demo/", config.get("post_logout_redirect_uri"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
