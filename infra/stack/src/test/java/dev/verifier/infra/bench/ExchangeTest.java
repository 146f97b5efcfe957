package dev.verifier.infra.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's exchanges behave as the browser and relying party the benchmark stands for. */
class ExchangeTest {

    private HttpServer server;
    private URI base;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
            exchange.getResponseHeaders().add("Set-Cookie", "session=abc; Path=/; HttpOnly");
            answer(exchange, 302, "");
        });
        server.createContext("/echo", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie")
                    + " type=" + exchange.getRequestHeaders().getFirst("Content-Type") + " body=" + body);
            answer(exchange, 200, "echo:" + body);
        });
        server.createContext("/refused", exchange -> answer(exchange, 400, "{\"error\":\"invalid_grant\"}"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void aRedirectIsAnsweredNotFollowedAndItsCookieIsSentNextTime() throws Exception {
        CookieManager cookies = new CookieManager();
        Exchange redirect = Exchange.send("GET", base.resolve("/redirect"), Map.of(), null, cookies);
        assertEquals(302, redirect.status());
        assertEquals("/elsewhere", redirect.header("location").orElseThrow());

        Exchange echo = Exchange.send("POST", base.resolve("/echo"), Flows.FORM, "a=1&b=2", cookies);
        assertEquals(200, echo.status());
        assertEquals("echo:a=1&b=2", echo.body());
        assertEquals(List.of("POST cookie=session=abc type=application/x-www-form-urlencoded body=a=1&b=2"), received);
    }

    @Test
    void withoutCookiesNoneIsSent() throws Exception {
        Exchange.send("GET", base.resolve("/redirect"), Map.of(), null, null);
        Exchange.get(base.resolve("/echo"), Map.of());
        assertEquals(List.of("GET cookie=null type=null body="), received);
    }

    @Test
    void anErrorAnswerKeepsItsStatusAndBody() throws Exception {
        Exchange refused = Exchange.post(base.resolve("/refused"), Flows.FORM, "grant_type=x");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("invalid_grant"), refused.body());
    }
}
