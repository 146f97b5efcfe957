package dev.verifier.token;

import dev.verifier.testsupport.KafkaTest;
import dev.verifier.testsupport.ServiceHealthContract;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenServiceHealthTest implements KafkaTest, ServiceHealthContract {

    @Inject
    EmbeddedServer server;

    @Override
    public EmbeddedServer server() {
        return server;
    }
}
