package dev.verifier.token.support;

import java.time.Duration;
import java.time.Instant;

import dev.verifier.token.code.ReceivedCodeRepository;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Gets tokens the way a client does after /authorize: the code's event goes through the broker, then /token. */
@Singleton
@Requires(property = "spec.name")
public class CodeFlow {

    private final CodePublisher publisher;
    private final ReceivedCodeRepository received;
    private volatile boolean warm;

    CodeFlow(CodePublisher publisher, ReceivedCodeRepository received) {
        this.publisher = publisher;
        this.received = received;
    }

    public Codes publish(TestClients.Client client, String scope) {
        Codes codes = Codes.forClient(client.id(), scope);
        publisher.publish(codes.event());
        if (!warm) {
            awaitStored(codes, Duration.ofSeconds(30));
            warm = true;
        }
        return codes;
    }

    /**
     * Publishes {@code codes} (built by the caller) and redeems them at /token (client_secret_basic when the client
     * has a secret), with the RFC 8707 {@code resources} given.
     */
    public Http.Answer tokens(Http http, TestClients.Client client, Codes codes, String... resources) {
        publisher.publish(codes.event());
        if (!warm) {
            awaitStored(codes, Duration.ofSeconds(30));
            warm = true;
        }
        java.util.List<String[]> form = new java.util.ArrayList<>(TokenRequests.code(client, codes));
        for (String resource : resources) {
            form.add(new String[] {"resource", resource});
        }
        return client.secret() == null ? http.post("/token", form)
                : http.post("/token", form, "Authorization", Http.basic(client.id(), client.secret()));
    }

    /** Publishes {@code codes} and redeems them at /token (a public client) with these request headers. */
    public Http.Answer tokensWithHeaders(Http http, TestClients.Client client, Codes codes, String... headers) {
        publisher.publish(codes.event());
        if (!warm) {
            awaitStored(codes, Duration.ofSeconds(30));
            warm = true;
        }
        return http.post("/token", TokenRequests.code(client, codes), headers);
    }

    public Http.Answer tokens(Http http, TestClients.Client client, String scope, String... headers) {
        return http.post("/token", TokenRequests.code(client, publish(client, scope)), headers);
    }

    public void awaitStored(Codes codes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (received.findById(codes.event().codeHash()).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
