package dev.verifier.token.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of token-service's HTTP tests: the running server, its JSON mapper, the fake registry's client fixtures, and an
 * {@link Http} client for the server (opened before the subclass's own {@code @BeforeAll}).
 */
public abstract class TokenHttpTest implements TokenServiceTest {

    @Inject
    protected EmbeddedServer server;
    @Inject
    protected JsonMapper json;
    @Inject
    protected TestClients clients;

    protected Http http;

    @BeforeAll
    void openHttp() {
        http = new Http(server.getURI(), json);
    }
}
