package dev.verifier.token.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import dev.verifier.testsupport.KafkaTest;

/**
 * A token-service test context on a free port chosen up front, so that the fake registry and the fake users API
 * inside the same context can be named as {@code verifier.urls.registry} and {@code verifier.users-client.url}, and
 * client assertions can name the real token endpoint as audience.
 */
public interface TokenServiceTest extends KafkaTest {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(KafkaTest.super.getProperties());
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        props.put("micronaut.server.port", String.valueOf(port));
        props.put("verifier.urls.token-service", base);
        props.put("verifier.urls.registry", base + FakeRegistry.PATH);
        props.put("verifier.users-client.url", base + FakeUsers.PATH);
        props.putAll(extraProperties());
        return props;
    }

    default Map<String, String> extraProperties() {
        return Map.of();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
