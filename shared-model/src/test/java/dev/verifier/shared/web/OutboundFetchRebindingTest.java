package dev.verifier.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetch connects to exactly the address the guard checked: a host whose name resolves to a public address on the
 * first lookup and to loopback on the second (DNS rebinding) is never fetched from loopback.
 */
class OutboundFetchRebindingTest {

    HttpServer server;
    final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** First answer: a public address (where nothing listens here); every later answer: loopback. */
    static OutboundUrlGuard.Resolver rebinding(AtomicInteger lookups) throws Exception {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        return host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? publicAddress
                : InetAddress.getLoopbackAddress()};
    }

    @Test
    void aNameThatRebindsToLoopbackAfterTheCheckIsNeverFetched() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        OutboundUrlGuard guard = new OutboundUrlGuard(false, rebinding(lookups));
        PinnedHttp http = new PinnedHttp(guard, Duration.ofMillis(300), Duration.ofSeconds(2), 65536);
        URI uri = URI.create("https://rebind.example:" + server.getAddress().getPort() + "/jwks");
        assertThrows(PinnedHttp.FetchFailed.class, () -> http.get(uri, Map.of()));
        assertEquals(1, lookups.get(), "resolved once");
        assertEquals(0, hits.get(), "loopback was never reached");
    }

    @Test
    void aCheckedLoopbackAddressIsFetchedInTheLocalProfile() throws Exception {
        OutboundUrlGuard guard = new OutboundUrlGuard(true, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        PinnedHttp http = new PinnedHttp(guard, Duration.ofSeconds(1), Duration.ofSeconds(2), 65536);
        PinnedHttp.Response answer = http.get(
                URI.create("http://jwks.example:" + server.getAddress().getPort() + "/jwks"), Map.of());
        assertEquals(200, answer.status());
        assertEquals("{\"keys\":[]}", answer.text());
        assertEquals(1, hits.get());
    }

    @Test
    void loopbackIsRefusedOutsideTheLocalProfileWithoutConnecting() {
        OutboundUrlGuard guard = new OutboundUrlGuard(false, host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        PinnedHttp http = new PinnedHttp(guard, Duration.ofSeconds(1), Duration.ofSeconds(2), 65536);
        assertThrows(OutboundUrlGuard.Refused.class, () -> http.get(
                URI.create("https://jwks.example:" + server.getAddress().getPort() + "/jwks"), Map.of()));
        assertEquals(0, hits.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::a00:1", "64:ff9b:1::1", "2002:7f00:1::1", "2002:a00:1::1", "2001:0:4136::1",
            "::ffff:127.0.0.1", "::127.0.0.1", "100.64.0.1", "100.127.255.254", "255.255.255.255", "0.0.0.0", "::",
            "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "2001:db8::1", "2001:2::1", "fe80::1",
            "fd00::1", "ff02::1", "224.0.0.1", "169.254.169.254", "172.16.0.1", "192.168.1.1", "10.1.2.3"})
    void everyNonPublicFormIsInternal(String address) throws Exception {
        assertTrue(OutboundUrlGuard.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "2606:2800:220:1::1", "2002:5db8:d822::1", "8.8.8.8"})
    void publicAddressesPass(String address) throws Exception {
        assertTrue(!OutboundUrlGuard.isInternal(InetAddress.getByName(address)), address);
    }
}
