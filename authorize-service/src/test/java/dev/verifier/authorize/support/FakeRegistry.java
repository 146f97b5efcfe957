package dev.verifier.authorize.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import java.time.Instant;
import java.util.List;

import dev.verifier.shared.api.ApiPage;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.registry.ApiCache;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Stands in for client-registry's internal read ({@code GET /clients/{id}},
 * {@code GET /clients/{id}/jwks} and {@code GET /apis}), requiring the registry token that
 * {@link TestTokens}' token endpoint hands to the bootstrap admin client. One API is registered from the start:
 * {@link #NOTES_API} ({@code notes.read}, {@code notes.write}).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = "spec.name", value = AuthorizeTestContext.SPEC)
public class FakeRegistry {

    public static final String NOTES_API = "http://localhost:9003";

    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final Map<String, RegisteredApi> apis = new ConcurrentHashMap<>();
    private final ApiCache apiCache;

    FakeRegistry(ApiCache apiCache) {
        this.apiCache = apiCache;
        putApi(api(NOTES_API, "Notes", true, "notes.read", "Read your notes", "notes.write", "Write your notes"));
    }

    /** Registers (or replaces) {@code api} and drops the service's cached APIs, as an ApiChanged event would. */
    public void putApi(RegisteredApi api) {
        apis.put(api.identifier(), api);
        apiCache.evictAll();
    }

    /** Registers {@code api} without touching the service's cache: only an ApiChanged event makes it visible. */
    public void putApiQuietly(RegisteredApi api) {
        apis.put(api.identifier(), api);
    }

    public void removeApi(String identifier) {
        apis.remove(identifier);
        apiCache.evictAll();
    }

    /** An API; {@code scopesAndDescriptions}: value, description, value, description, … */
    public static RegisteredApi api(String identifier, String name, boolean userTokens,
                                    String... scopesAndDescriptions) {
        List<RegisteredApi.Scope> scopes = new java.util.ArrayList<>();
        for (int i = 0; i < scopesAndDescriptions.length; i += 2) {
            scopes.add(new RegisteredApi.Scope(scopesAndDescriptions[i], scopesAndDescriptions[i + 1]));
        }
        return new RegisteredApi("api-" + Math.abs(identifier.hashCode()), identifier, name, scopes, null, true,
                userTokens, Instant.now(), Instant.now());
    }

    @Get("/apis{?identifier,scope,page,size}")
    HttpResponse<ApiPage> apis(@Nullable String identifier, @Nullable String scope, @Nullable Integer page,
                               @Nullable Integer size, @Nullable @Header("Authorization") String authorization) {
        if (!("Bearer " + TestTokens.REGISTRY_TOKEN).equals(authorization)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        if (failing) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        List<RegisteredApi> found = apis.values().stream()
                .filter(a -> identifier == null || a.identifier().equals(identifier))
                .filter(a -> scope == null || a.owns(scope)).toList();
        if (page != null && page > 0) {
            found = List.of();
        }
        return HttpResponse.ok(new ApiPage(found, page == null ? 0 : page, 100, found.size()));
    }
    private final AtomicInteger clientReads = new AtomicInteger();
    private final AtomicInteger jwksRefreshes = new AtomicInteger();
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

    /** How many JWKS reads asked the registry to refresh (an unknown kid). */
    public int jwksRefreshes() {
        return jwksRefreshes.get();
    }

    /**
     * The client's JWKS as the registry's cache would answer it: the registered {@code jwks}, or the set at its
     * {@code jwks_uri} (fetched on every read here, so the service's own key cache is what a test observes).
     */
    @Get("/clients/{id}/jwks{?kid,refresh}")
    HttpResponse<String> jwks(String id, @Nullable String kid, @Nullable Boolean refresh,
                              @Nullable @Header("Authorization") String authorization) throws Exception {
        if (!("Bearer " + TestTokens.REGISTRY_TOKEN).equals(authorization)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        }
        if (Boolean.TRUE.equals(refresh) || kid != null) {
            jwksRefreshes.incrementAndGet();
        }
        RegisteredClient client = clients.get(id);
        if (client == null) {
            return HttpResponse.notFound();
        }
        if (client.metadata().jwks() != null) {
            return HttpResponse.ok(new com.nimbusds.jose.jwk.JWKSet(com.nimbusds.jose.jwk.JWKSet.parse(
                    client.metadata().jwks()).getKeys()).toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (client.metadata().jwksUri() == null) {
            return HttpResponse.notFound();
        }
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.metadata().jwksUri())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200
                ? HttpResponse.ok(response.body()).contentType(MediaType.APPLICATION_JSON_TYPE)
                : HttpResponse.status(HttpStatus.BAD_GATEWAY);
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
