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

    /** An access token of {@code client} (client_secret_basic) from the client_credentials grant; fails otherwise. */
    protected String clientCredentialsToken(TestClients.Client client) {
        Http.Answer answer = http.post("/token", Http.form("grant_type", "client_credentials"),
                "Authorization", Http.basic(client.id(), client.secret()));
        org.junit.jupiter.api.Assertions.assertEquals(200, answer.status(), answer.raw().body());
        return answer.string("access_token");
    }
}
