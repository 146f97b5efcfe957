package dev.verifier.authorize.support;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.RandomTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Stands in for client-registry ({@code GET /clients/{id}}, bearer token required) and for token-service's
 * client_credentials grant ({@code POST /token}, the bootstrap admin client with client_secret_basic).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "spec.name", value = AuthorizeTestContext.SPEC)
public class FakeRegistry {

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final String token = RandomTokens.base64Url(32);
    private final AtomicInteger clientReads = new AtomicInteger();

    public void put(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    public void remove(String clientId) {
        clients.remove(clientId);
    }

    public int clientReads() {
        return clientReads.get();
    }

    @Post(value = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<Map<String, Object>> token(@Nullable @Header("Authorization") String authorization) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                "authorize-test-admin:authorize-test-secret".getBytes());
        if (!expected.equals(authorization)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        return HttpResponse.ok(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 300));
    }

    @Get("/clients/{id}")
    HttpResponse<RegisteredClient> client(String id, @Nullable @Header("Authorization") String authorization) {
        if (!("Bearer " + token).equals(authorization)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        clientReads.incrementAndGet();
        RegisteredClient client = clients.get(id);
        return client == null ? HttpResponse.notFound() : HttpResponse.ok(client);
    }
}
