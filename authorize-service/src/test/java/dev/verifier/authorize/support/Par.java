package dev.verifier.authorize.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

/** Posts pushed authorization requests to /par over real HTTP, as a client back end would. */
public final class Par {

    /** The answer: status, JSON body, headers. */
    public record Answer(int status, Map<String, Object> body, java.net.http.HttpHeaders headers) {

        public String requestUri() {
            return (String) body.get("request_uri");
        }
    }

    private final String base;
    private final JsonMapper mapper;
    private final HttpClient http = HttpClient.newHttpClient();

    public Par(String base, JsonMapper mapper) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.mapper = mapper;
    }

    public Answer push(Map<String, List<String>> form, @Nullable String authorization) {
        return post("/par", form, authorization);
    }

    /** With more request headers, as name-value pairs (e.g. {@code "DPoP", proof}). */
    public Answer push(Map<String, List<String>> form, @Nullable String authorization, String... headers) {
        return post("/par", form, authorization, headers);
    }

    /**
     * A form POST to a back-channel endpoint of the service ({@code /par}, {@code /device_authorization}), with more
     * request headers as name-value pairs.
     */
    @SuppressWarnings("unchecked")
    public Answer post(String path, Map<String, List<String>> form, @Nullable String authorization,
                       String... headers) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(value -> body.append(body.length() == 0 ? "" : "&")
                .append(encode(name)).append('=').append(encode(value))));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = response.body().isBlank() ? Map.of()
                    : mapper.readValue(response.body(), Map.class);
            return new Answer(response.statusCode(), json, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The parameters of {@link AuthorizeUrls#valid} as a form, with {@code extra} added. */
    public static Map<String, List<String>> form(Map<String, String> params, Map<String, List<String>> extra) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        params.forEach((k, v) -> form.put(k, List.of(v)));
        form.putAll(extra);
        return form;
    }

    public static String basic(String clientId, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
