package dev.verifier.registry.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

/** Real HTTP calls to the registry under test, answers parsed as JSON maps. */
public final class RegistryHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final EmbeddedServer server;
    private final JsonMapper json;

    public RegistryHttp(EmbeddedServer server) {
        this.server = server;
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    public Answer put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Answer send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            return new Answer(response.statusCode(), response, isJson ? parse(response.body()) : Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String body) throws IOException {
        return body == null || body.isBlank() ? Map.of() : json.readValue(body, Map.class);
    }

    /** Status, raw response and JSON body of an answer. */
    public record Answer(int status, HttpResponse<String> raw, Map<String, Object> body) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String error() {
            return (String) body.get("error");
        }

        public String description() {
            return (String) body.get("error_description");
        }

        public String string(String field) {
            return (String) body.get(field);
        }
    }
}
