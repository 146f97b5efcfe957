package dev.verifier.authorize.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

/** JSON calls over real HTTP for the APIs (admin, userinfo, discovery). */
public final class Json {

    /** A JSON answer: status, parsed body (empty map when none) and headers. */
    public record Answer(int status, Map<String, Object> body, java.net.http.HttpHeaders headers) {
    }

    private final String base;
    private final JsonMapper mapper;
    private final HttpClient http = HttpClient.newHttpClient();

    public Json(String base, JsonMapper mapper) {
        this.base = base;
        this.mapper = mapper;
    }

    public Answer get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    public Answer delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE());
    }

    public Answer post(String path, @Nullable String token, Object body) {
        return withJson("POST", path, token, body);
    }

    public Answer put(String path, @Nullable String token, Object body) {
        return withJson("PUT", path, token, body);
    }

    private Answer withJson(String method, String path, @Nullable String token, Object body) {
        try {
            return send(request(path, token).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A POST of an {@code application/x-www-form-urlencoded} body as given (already encoded). */
    public Answer postForm(String path, @Nullable String token, String body) {
        return send(request(path, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer postEmpty(String path, @Nullable String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    @SuppressWarnings("unchecked")
    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body().isBlank() ? Map.of()
                    : mapper.readValue(response.body(), Map.class);
            return new Answer(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
