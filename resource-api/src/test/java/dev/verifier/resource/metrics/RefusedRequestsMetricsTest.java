package dev.verifier.resource.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.verifier.resource.support.ResourceApiTest;
import dev.verifier.testsupport.PrometheusText;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests that micronaut-security refuses (401 without a valid token, 403 without the scope) are counted in
 * {@code http_server_requests_seconds_count} with their status and the route's template — once each, as answered
 * requests are — and a request to a path no route matches is counted under {@code NOT_FOUND} when answered 404 (with
 * or without a token: {@code micronaut.security.reject-not-found: false}) or {@code UNMATCHED_URI} when refused (a CORS
 * preflight from an origin not allowed), never under its raw path.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedRequestsMetricsTest implements ResourceApiTest {

    static final String REQUESTS = "http_server_requests_seconds_count";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestWithoutATokenIsCountedAs401OfItsRoute() throws Exception {
        String[] labels = {"uri", "/api/me", "method", "GET", "status", "401"};
        PrometheusText before = scrape();

        assertEquals(401, get("/api/me", null).statusCode());

        assertEquals(1, scrape().sum(REQUESTS, labels) - before.sum(REQUESTS, labels), 1e-9);
    }

    @Test
    void tokenWithoutTheScopeIsCountedAs403OfItsRoute() throws Exception {
        String[] labels = {"uri", "/api/notes", "method", "GET", "status", "403"};
        PrometheusText before = scrape();

        assertEquals(403, get("/api/notes", TOKENS.token(AUDIENCE).scope("openid").sign()).statusCode());

        assertEquals(1, scrape().sum(REQUESTS, labels) - before.sum(REQUESTS, labels), 1e-9);
    }

    @Test
    void requestToAnUnknownPathIsCountedUnderNotFoundNotItsPath() throws Exception {
        String[] labels = {"uri", "NOT_FOUND", "method", "GET", "status", "404"};
        PrometheusText before = scrape();

        assertEquals(404, get("/no-such-route/4711", null).statusCode());

        PrometheusText after = scrape();
        assertEquals(1, after.sum(REQUESTS, labels) - before.sum(REQUESTS, labels), 1e-9);
        assertFalse(after.samples().stream().anyMatch(s -> s.labels().getOrDefault("uri", "").contains("4711")),
                "the raw path is never a label");
    }

    @Test
    void refusedPreflightToAnUnknownPathIsCountedUnderUnmatchedNotItsPath() throws Exception {
        String[] labels = {"uri", "UNMATCHED_URI", "method", "OPTIONS", "status", "403"};
        PrometheusText before = scrape();

        HttpRequest preflight = HttpRequest.newBuilder(URI.create(server.getURL() + "/no-such-route/4712"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://not-allowed.example")
                .header("Access-Control-Request-Method", "GET").build();
        HttpResponse<String> refused = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode());

        PrometheusText after = scrape();
        assertEquals(1, after.sum(REQUESTS, labels) - before.sum(REQUESTS, labels), 1e-9);
        assertFalse(after.samples().stream().anyMatch(s -> s.labels().getOrDefault("uri", "").contains("4712")),
                "the raw path is never a label");
    }

    @Test
    void answeredRequestIsStillCountedOnce() throws Exception {
        String[] labels = {"uri", "/api/me", "method", "GET", "status", "200"};
        PrometheusText before = scrape();

        assertEquals(200, get("/api/me", TOKENS.token(AUDIENCE).sign()).statusCode());

        assertEquals(1, scrape().sum(REQUESTS, labels) - before.sum(REQUESTS, labels), 1e-9);
    }

    private PrometheusText scrape() throws Exception {
        return PrometheusText.parse(get("/prometheus", null).body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
