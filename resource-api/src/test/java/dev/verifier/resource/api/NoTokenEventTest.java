package dev.verifier.resource.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.resource.support.ResourceApiTest;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A valid bearer token is accepted without micronaut-security's {@code TokenValidatedEvent}: publishing it resolved
 * the request's host and locale for every token and handed the raw token to the event system.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoTokenEventTest implements ResourceApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    TokenEvents events;

    @Test
    void aValidatedBearerTokenPublishesNoEvent() throws Exception {
        HttpResponse<String> me = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/api/me"))
                        .header("Authorization", "Bearer " + TOKENS.token(AUDIENCE).sign()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(0, events.count.get(), "TokenValidatedEvents published");
    }

    /** Counts the events that a listener would receive. */
    @Singleton
    static class TokenEvents implements ApplicationEventListener<TokenValidatedEvent> {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public void onApplicationEvent(TokenValidatedEvent event) {
            count.incrementAndGet();
        }
    }
}
