package dev.verifier.registry.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A client's JWKS origin for tests: a JDK HTTP server on a free loopback port that counts its hits and answers what
 * the test sets (status, JWK set, Cache-Control, delay); {@code /redirect} answers a redirect to {@code /jwks}.
 */
public final class TestJwksOrigin implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body;
    private volatile String cacheControl;
    private volatile long delayMillis;

    public TestJwksOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", this::serve);
        server.createContext("/redirect", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", url());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        keys(rsa("k1"));
    }

    public static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public String redirectUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/redirect";
    }

    /** Serves the public parts of these keys. */
    public TestJwksOrigin keys(JWK... keys) {
        return raw(new JWKSet(java.util.List.of(keys)).toString(true));
    }

    public TestJwksOrigin raw(String json) {
        this.body = json;
        this.status = 200;
        return this;
    }

    public TestJwksOrigin cacheControl(String value) {
        this.cacheControl = value;
        return this;
    }

    public TestJwksOrigin failing(int httpStatus) {
        this.status = httpStatus;
        return this;
    }

    public TestJwksOrigin delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public int hits() {
        return hits.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = status == 200 ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (cacheControl != null) {
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
