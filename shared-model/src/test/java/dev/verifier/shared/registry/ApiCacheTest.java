package dev.verifier.shared.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.testsupport.OffsetClock;
import org.junit.jupiter.api.Test;

class ApiCacheTest {

    private final AtomicInteger identifierLoads = new AtomicInteger();
    private final AtomicInteger scopeLoads = new AtomicInteger();
    private final AtomicReference<RegisteredApi> registered = new AtomicReference<>(api("orders.read"));
    private final AtomicReference<Runnable> duringLoad = new AtomicReference<>(() -> { });
    private final OffsetClock clock = OffsetClock.stoppedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final ApiCache cache = new ApiCache(identifier -> {
        identifierLoads.incrementAndGet();
        return Optional.of(registered.get()).filter(a -> a.identifier().equals(identifier));
    }, scope -> {
        scopeLoads.incrementAndGet();
        Optional<RegisteredApi> found = Optional.of(registered.get()).filter(a -> a.owns(scope));
        duringLoad.get().run();
        return found;
    }, Duration.ofMinutes(5), Duration.ofSeconds(5), clock, 100);

    @Test
    void lookupsAreServedFromTheCacheUntilTheyExpire() {
        assertEquals("orders", cache.byIdentifier("https://orders.example").orElseThrow().name());
        assertEquals("orders", cache.byScope("orders.read").orElseThrow().name());
        cache.byIdentifier("https://orders.example");
        cache.byScope("orders.read");
        assertEquals(1, identifierLoads.get());
        assertEquals(1, scopeLoads.get());

        clock.advance(Duration.ofMinutes(6));
        cache.byScope("orders.read");
        assertEquals(2, scopeLoads.get());
    }

    @Test
    void evictAllDropsEveryLookupSoAMovedScopeIsSeen() {
        cache.byScope("orders.read");
        cache.byIdentifier("https://orders.example");
        registered.set(api("orders.write"));

        cache.evictAll();

        assertTrue(cache.byScope("orders.read").isEmpty(), "the scope was removed from the API");
        assertTrue(cache.byScope("orders.write").isPresent());
        cache.byIdentifier("https://orders.example");
        assertEquals(2, identifierLoads.get());
    }

    @Test
    void unknownScopesAreRememberedBriefly() {
        assertTrue(cache.byScope("nobody.read").isEmpty());
        cache.byScope("nobody.read");
        assertEquals(1, scopeLoads.get());
        clock.advance(Duration.ofSeconds(6));
        cache.byScope("nobody.read");
        assertEquals(2, scopeLoads.get());
    }

    @Test
    void aLookupThatAnEvictionOvertookIsAnsweredButNotKept() {
        duringLoad.set(() -> {
            registered.set(api("orders.write")); // the API changed and its event arrived while the old one was read
            cache.evictAll();
        });
        assertTrue(cache.byScope("orders.read").isPresent(), "answered as read");
        duringLoad.set(() -> { });

        assertTrue(cache.byScope("orders.read").isEmpty(), "not kept: read again after the eviction");
        assertEquals(2, scopeLoads.get());
    }

    private static RegisteredApi api(String scope) {
        return new RegisteredApi("api-1", "https://orders.example", "orders",
                List.of(new RegisteredApi.Scope(scope, null)), null, true, true, Instant.EPOCH, Instant.EPOCH);
    }
}
