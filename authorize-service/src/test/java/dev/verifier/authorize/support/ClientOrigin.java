package dev.verifier.authorize.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A client's web origin in a test (JDK HTTP server on 127.0.0.1): serves its JWKS and its request objects, or
 * misbehaves on purpose (redirects, answers slowly, answers too much). Close it after the test class.
 */
public final class ClientOrigin implements AutoCloseable {

    private record Route(int status, String contentType, byte[] body, Duration delay, String location) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public ClientOrigin() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void serve(String path, String contentType, String body) {
        routes.put(path, new Route(200, contentType, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO, null));
    }

    public void serveSlowly(String path, String contentType, String body, Duration delay) {
        routes.put(path, new Route(200, contentType, body.getBytes(StandardCharsets.UTF_8), delay, null));
    }

    public void redirect(String path, String location) {
        routes.put(path, new Route(302, "text/plain", new byte[0], Duration.ZERO, location));
    }

    /** How many requests {@code path} received. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        Route route = routes.get(path);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            sleep(route.delay());
            exchange.getResponseHeaders().add("Content-Type", route.contentType());
            if (route.location() != null) {
                exchange.getResponseHeaders().add("Location", route.location());
            }
            exchange.sendResponseHeaders(route.status(), route.body().length == 0 ? -1 : route.body().length);
            out.write(route.body());
        } catch (IOException e) {
            // the server under test gave up (time-out, size limit): nothing to answer
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
