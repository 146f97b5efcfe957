package dev.verifier.authorize.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Stands in for client-registry's internal read ({@code GET /clients/{id}}), requiring the registry token that
 * {@link TestTokens}' token endpoint hands to the bootstrap admin client.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "spec.name", value = AuthorizeTestContext.SPEC)
public class FakeRegistry {

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final AtomicInteger clientReads = new AtomicInteger();
    private volatile boolean failing;

    public void put(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    public void remove(String clientId) {
        clients.remove(clientId);
    }

    /** While failing, every read answers 503, as a registry that is down. */
    public void failing(boolean value) {
        failing = value;
    }

    public int clientReads() {
        return clientReads.get();
    }

    @Get("/clients/{id}")
    HttpResponse<RegisteredClient> client(String id, @Nullable @Header("Authorization") String authorization) {
        if (!("Bearer " + TestTokens.REGISTRY_TOKEN).equals(authorization)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        if (failing) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        clientReads.incrementAndGet();
        RegisteredClient client = clients.get(id);
        return client == null ? HttpResponse.notFound() : HttpResponse.ok(client);
    }
}
