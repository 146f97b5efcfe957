package dev.verifier.token.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.micronaut.json.JsonMapper;

/** Real HTTP against the service under test, with form bodies built from ordered pairs (duplicates allowed). */
public final class Http {

    public record Answer(int status, HttpResponse<String> raw, Map<String, Object> json) {

        public String string(String name) {
            return (String) json.get(name);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newHttpClient();

    public Http(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public static List<String[]> form(String... pairs) {
        List<String[]> form = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return form;
    }

    public static String basic(String id, String secret) {
        String value = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    public Answer post(String path, List<String[]> form, String... headers) {
        StringBuilder body = new StringBuilder();
        for (String[] pair : form) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pair[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Answer get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            Map<String, Object> map = !isJson || response.body().isEmpty() ? Map.of()
                    : json.readValue(response.body(), Map.class);
            return new Answer(response.statusCode(), response, map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
