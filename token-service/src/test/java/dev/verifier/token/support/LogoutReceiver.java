package dev.verifier.token.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A relying party's back-channel logout endpoint on loopback: records every {@code logout_token} POSTed to it and
 * answers 200, or 503 for the first {@link #failFirst} requests.
 */
public final class LogoutReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int failFirst;

    public LogoutReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = requests.incrementAndGet();
            boolean form = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .startsWith("application/x-www-form-urlencoded");
            int status = n <= failFirst ? 503 : form && body.startsWith("logout_token=") ? 200 : 400;
            if (status == 200) {
                tokens.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        });
        server.start();
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout";
    }

    public void failFirst(int n) {
        failFirst = n;
    }

    public int requests() {
        return requests.get();
    }

    public List<String> tokens() {
        return List.copyOf(tokens);
    }

    /** Waits (bounded) until at least {@code count} tokens arrived; answers them. */
    public List<String> await(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (tokens.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (tokens.size() < count) {
            throw new AssertionError("expected " + count + " logout tokens, got " + tokens.size());
        }
        return tokens();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
