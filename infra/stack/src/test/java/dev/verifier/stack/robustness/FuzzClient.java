package dev.verifier.stack.robustness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.verifier.stack.support.VerifierStack;

/** Sends one malformed request and says what is wrong with the answer (nothing, when it is an honest refusal). */
final class FuzzClient {

    private final VerifierStack stack;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    FuzzClient(VerifierStack stack, String adminToken) {
        this.stack = stack;
        this.adminToken = adminToken;
    }

    List<String> sendBoth(Endpoint endpoint, String method, String contentType, byte[] body, String what) {
        return sendBoth(endpoint, method, contentType, body, what, Map.of());
    }

    /** The request once without credentials and once with the credentials the endpoint takes. */
    List<String> sendBoth(Endpoint endpoint, String method, String contentType, byte[] body, String what,
                          Map<String, String> headers) {
        List<String> failures = new ArrayList<>();
        failures.addAll(send(endpoint, method, contentType, body, what, headers, false));
        if (endpoint.credentials() != Endpoint.Credentials.NONE) {
            failures.addAll(send(endpoint, method, contentType, body, what, headers, true));
        }
        return failures;
    }

    private List<String> send(Endpoint endpoint, String method, String contentType, byte[] body, String what,
                              Map<String, String> headers, boolean authenticated) {
        URI uri = stack.url(endpoint.service()).resolve(endpoint.path());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        if (authenticated) {
            request.header("Authorization", credentials(endpoint.credentials()));
        }
        String label = endpoint.service() + " " + method + " " + Bodies.abbreviate(endpoint.path()) + " [" + what
                + (authenticated ? ", authenticated" : "") + "]";
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Answers.problems(label, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), json);
        } catch (IOException e) {
            // the server may close the connection on a request it will not read (an oversized body): not a 5xx
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The endpoint's usual request with {@code query} appended as is (no client library would send it). */
    String rawRequest(Endpoint endpoint, String query, boolean authenticated) {
        String body = new String(endpoint.sampleBody(), StandardCharsets.ISO_8859_1);
        StringBuilder raw = new StringBuilder(endpoint.method()).append(' ').append(endpoint.path()).append('?')
                .append(query).append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (authenticated && endpoint.credentials() != Endpoint.Credentials.NONE) {
            raw.append("Authorization: ").append(credentials(endpoint.credentials())).append("\r\n");
        }
        if (endpoint.hasBody()) {
            raw.append("Content-Type: ").append(endpoint.json() ? "application/json"
                    : "application/x-www-form-urlencoded").append("\r\n");
        }
        return raw.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body).toString();
    }

    private String credentials(Endpoint.Credentials credentials) {
        return switch (credentials) {
            case NONE -> "";
            case ADMIN_BEARER -> "Bearer " + adminToken;
            case ADMIN_CLIENT_BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                    (stack.adminClientId() + ":" + stack.adminClientSecret()).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** What is wrong with an answer to a malformed request. */
    static final class Answers {

        private static final List<String> STACK_TRACE_MARKS = List.of("Exception", "\tat ", "at io.micronaut",
                "at dev.verifier", "at java.", "Caused by");

        private Answers() {
        }

        static List<String> problems(String label, int status, String contentType, String body, ObjectMapper json) {
            List<String> problems = new ArrayList<>();
            if (status >= 500) {
                problems.add(label + ": answered " + status + " " + Bodies.abbreviate(body));
            }
            for (String mark : STACK_TRACE_MARKS) {
                if (body.contains(mark)) {
                    problems.add(label + ": the answer looks like a stack trace (" + mark + "): "
                            + Bodies.abbreviate(body));
                    break;
                }
            }
            if (status >= 400 && !contentType.startsWith("text/html") && !hasErrorShape(body, json)) {
                problems.add(label + ": " + status + " without the RFC error shape (" + contentType + "): "
                        + Bodies.abbreviate(body));
            }
            return problems;
        }

        private static boolean hasErrorShape(String body, ObjectMapper json) {
            try {
                JsonNode node = json.readTree(body);
                return node != null && node.path("error").isTextual() && !node.path("error").asText().isBlank();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
