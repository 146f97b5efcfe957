package dev.verifier.stack.confidential;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The confidential client's own web origin (a JDK HTTP server on loopback, which the local profile lets the services
 * fetch over http): it publishes the client's JWKS and hosts its request objects.
 */
final class ClientBackEnd implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String[]> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    ClientBackEnd() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void publish(String path, String contentType, String body) {
        documents.put(path, new String[] {contentType, body});
    }

    int fetches(String path) {
        AtomicInteger count = fetches.get(path);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String[] document = documents.get(path);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (document == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = document[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", document[0]);
            exchange.sendResponseHeaders(200, bytes.length);
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
