package dev.verifier.authorize.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.verifier.testsupport.KafkaTest;

/**
 * For a {@code @MicronautTest} class (PER_CLASS) that runs the front channel: the shared broker, its own in-memory
 * database, the stand-in for client-registry ({@link FakeRegistry}, spec.name {@value #SPEC}) served by the test's
 * own server, whose port is chosen here so the registry URL can point at it, and {@link TestTokens} as token-service.
 */
public interface AuthorizeTestContext extends KafkaTest {

    String SPEC = "authorize-front-channel";

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(KafkaTest.super.getProperties());
        int port = freePort();
        String self = "http://localhost:" + port;
        props.put("spec.name", SPEC);
        props.put("micronaut.server.port", String.valueOf(port));
        props.put("verifier.urls.registry", self);
        props.put("verifier.urls.token-service", TestTokens.baseUrl());
        props.put("datasources.default.url", "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return props;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
