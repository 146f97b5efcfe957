package dev.verifier.token.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import java.time.Instant;

import dev.verifier.shared.api.ApiPage;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.registry.ApiCache;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Singleton;

/**
 * Stands in for client-registry's internal read API inside the test context (behind {@code spec.name}): serves the
 * clients, JWKS and APIs the test put here, and records each call with its bearer token. One API is there from the
 * start: {@link #DEFAULT_API} (resource-api's default identifier) with the scopes the tests use ({@code api},
 * {@code notes.read}, {@code notes.write}, {@code x}).
 */
@Singleton
@Requires(property = "spec.name")
public class FakeRegistry {

    public static final String PATH = "/fake-registry";

    public record Call(String path, @Nullable String kid, boolean refresh, @Nullable String authorization) {
    }

    public static final String DEFAULT_API = "http://localhost:9003";

    final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    final Map<String, RegisteredApi> apis = new ConcurrentHashMap<>();
    private final ApiCache apiCache;

    FakeRegistry(ApiCache apiCache) {
        this.apiCache = apiCache;
        putApi(api(DEFAULT_API, null, true, true, "api", "notes.read", "notes.write", "x"));
    }

    /** Registers (or replaces) {@code api} and drops token-service's cached APIs, as an ApiChanged event would. */
    public void putApi(RegisteredApi api) {
        apis.put(api.identifier(), api);
        apiCache.evictAll();
    }

    public static RegisteredApi api(String identifier, @Nullable Integer lifetime, boolean clientCredentials,
                                    boolean userTokens, String... scopes) {
        return new RegisteredApi("api-" + Math.abs(identifier.hashCode()), identifier, "API at " + identifier,
                java.util.Arrays.stream(scopes).map(s -> new RegisteredApi.Scope(s, "Use " + s)).toList(), lifetime,
                clientCredentials, userTokens, Instant.now(), Instant.now());
    }
    final Map<String, Map<String, Object>> jwks = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> staleJwks = new ConcurrentHashMap<>();
    public final List<Call> calls = new CopyOnWriteArrayList<>();

    public void put(RegisteredClient client) {
        clients.put(client.clientId(), client);
    }

    public void putJwks(String clientId, Map<String, Object> set) {
        jwks.put(clientId, set);
    }

    /** What the registry's cache answers until asked to refresh (a key the client added since is missing). */
    public void putStaleJwks(String clientId, Map<String, Object> set) {
        staleJwks.put(clientId, set);
    }

    public long refreshCalls(String clientId) {
        return calls.stream().filter(c -> c.path().equals("/clients/" + clientId + "/jwks") && c.refresh()).count();
    }

    public long jwksCalls(String clientId) {
        return calls.stream().filter(c -> c.path().equals("/clients/" + clientId + "/jwks")).count();
    }

    @Controller(PATH + "/apis")
    @Requires(property = "spec.name")
    static class Apis {

        private final FakeRegistry registry;

        Apis(FakeRegistry registry) {
            this.registry = registry;
        }

        @Get("{?identifier,scope}")
        ApiPage apis(@Nullable @QueryValue String identifier, @Nullable @QueryValue String scope,
                     @Header("Authorization") @Nullable String authorization) {
            registry.calls.add(new Call("/apis", null, false, authorization));
            List<RegisteredApi> found = registry.apis.values().stream()
                    .filter(a -> identifier == null || a.identifier().equals(identifier))
                    .filter(a -> scope == null || a.owns(scope)).toList();
            return new ApiPage(found, 0, 100, found.size());
        }
    }

    @Controller(PATH + "/clients")
    @Requires(property = "spec.name")
    static class Api {

        private final FakeRegistry registry;

        Api(FakeRegistry registry) {
            this.registry = registry;
        }

        @Get("/{id}")
        HttpResponse<RegisteredClient> client(@PathVariable String id,
                                              @Header("Authorization") @Nullable String authorization) {
            registry.calls.add(new Call("/clients/" + id, null, false, authorization));
            RegisteredClient client = registry.clients.get(id);
            return client == null ? HttpResponse.notFound() : HttpResponse.ok(client);
        }

        @Get("/{id}/jwks{?kid,refresh}")
        HttpResponse<Map<String, Object>> jwks(@PathVariable String id, @Nullable @QueryValue String kid,
                                               @Nullable @QueryValue Boolean refresh,
                                               @Header("Authorization") @Nullable String authorization) {
            registry.calls.add(new Call("/clients/" + id + "/jwks", kid, Boolean.TRUE.equals(refresh), authorization));
            Map<String, Object> stale = registry.staleJwks.get(id);
            Map<String, Object> set = stale != null && !Boolean.TRUE.equals(refresh) ? stale : registry.jwks.get(id);
            return set == null ? HttpResponse.notFound() : HttpResponse.ok(set);
        }
    }
}
