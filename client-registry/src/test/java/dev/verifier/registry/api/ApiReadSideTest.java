package dev.verifier.registry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.verifier.registry.support.RegistryHttp.Answer;
import dev.verifier.registry.support.RegistryHttp;
import dev.verifier.registry.support.RegistryTest;
import dev.verifier.registry.support.TestApis;
import dev.verifier.registry.support.TestTokens;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.registry.ApiCache;
import dev.verifier.shared.registry.RegistryClient;
import dev.verifier.shared.runtime.registry.ApiChangedEviction;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What token-service and authorize-service will use to read APIs, against the real registry and broker: shared-model's
 * {@link RegistryClient} with a {@code registry.read} token, an {@link ApiCache} over it, and
 * {@link ApiChangedEviction} dropping the cache when the registry publishes {@code ApiChanged}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "ApiReadSideTest")
class ApiReadSideTest implements RegistryTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApiCache cache;
    @Inject
    RegistryClient registry;

    @Test
    void registryClientReadsAnApiByIdentifierAndByScopeAsRegistered() {
        TestApis.Api api = TestApis.unique();
        Answer created = new RegistryHttp(server).post("/apis", TestTokens.admin(), api.body());

        RegisteredApi byIdentifier = registry.apiByIdentifier(api.identifier()).orElseThrow();
        assertEquals(created.string("id"), byIdentifier.id());
        assertEquals(api.identifier(), byIdentifier.identifier());
        assertEquals(java.util.List.of(api.read(), api.write()), byIdentifier.scopeValues());
        assertEquals("Use " + api.read(), byIdentifier.scopes().get(0).description());
        assertEquals(Duration.ofSeconds(600), byIdentifier.tokenLifetime().orElseThrow());
        assertTrue(byIdentifier.allowClientCredentials() && byIdentifier.allowUserTokens());
        assertEquals(Instant.parse(created.string("created_at")), byIdentifier.createdAt());
        assertEquals(byIdentifier, registry.apiByScope(api.write()).orElseThrow());
        assertTrue(registry.apiByScope(api.read() + ".none").isEmpty());
        assertTrue(registry.apiByIdentifier(api.identifier() + "/none").isEmpty());
    }

    @Test
    void cachedApisAreDroppedWhenTheRegistryPublishesAChange() throws Exception {
        RegistryHttp http = new RegistryHttp(server);
        TestApis.Api api = TestApis.unique();
        String id = http.post("/apis", TestTokens.admin(), api.body()).string("id");
        assertEquals(id, cache.byScope(api.read()).orElseThrow().id());

        // the listener starts at the latest offset once it has joined: change the API until the cache shows a change
        Instant deadline = Instant.now().plusSeconds(30);
        boolean evicted = false;
        for (int round = 1; !evicted && Instant.now().isBefore(deadline); round++) {
            String name = "Renamed " + round;
            assertEquals(200, http.put("/apis/" + id, TestTokens.admin(), api.body().replace("Orders API", name)).status());
            for (int i = 0; i < 20 && !evicted; i++) {
                evicted = name.equals(cache.byScope(api.read()).orElseThrow().name());
                Thread.sleep(100);
            }
        }
        assertTrue(evicted, "the cache (TTL 5 min) was dropped by ApiChanged");

        assertEquals(204, http.delete("/apis/" + id, TestTokens.admin()).status());
        deadline = Instant.now().plusSeconds(10);
        while (cache.byIdentifier(api.identifier()).isPresent() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertTrue(cache.byIdentifier(api.identifier()).isEmpty(), "the deleted API is gone from the cache");
    }

    /** The beans a service makes to read APIs, pointed at the registry under test. */
    @Factory
    @Requires(property = "spec.name", value = "ApiReadSideTest")
    static class ReadSide {

        @Singleton
        RegistryClient registryClient(BeanProvider<EmbeddedServer> server, JsonMapper json) {
            return new RegistryClient(URI.create(server.get().getURL().toString()), TestTokens::reader, json,
                    Duration.ofSeconds(3));
        }

        @Singleton
        ApiCache apiCache(BeanProvider<RegistryClient> registry) {
            return new ApiCache(identifier -> registry.get().apiByIdentifier(identifier),
                    scope -> registry.get().apiByScope(scope), Duration.ofMinutes(5), Duration.ofMillis(1),
                    Clock.systemUTC(), 100);
        }
    }
}
