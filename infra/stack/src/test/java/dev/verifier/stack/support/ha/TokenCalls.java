package dev.verifier.stack.support.ha;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Form posts to a {@code /token} endpoint (a copy's or the proxy's), answered as status, body and answering copy. */
public final class TokenCalls {

    /** One answer; {@code status} 0 when the connection failed; {@code copy} empty when the proxy made the answer. */
    public record Answer(int status, JsonNode json, Optional<String> copy) {

        public boolean isServerError() {
            return status >= 500 || status == 0;
        }

        public String string(String field) {
            return json.path(field).asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Answer post(URI endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().startsWith("{") ? JSON.readTree(response.body()) : JSON.createObjectNode();
            return new Answer(response.statusCode(), json, response.headers().firstValue("X-Verifier-Copy"));
        } catch (IOException e) {
            return new Answer(0, JSON.createObjectNode(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
