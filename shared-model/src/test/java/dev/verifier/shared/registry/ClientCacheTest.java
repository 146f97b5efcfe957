package dev.verifier.shared.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.testsupport.OffsetClock;
import org.junit.jupiter.api.Test;

class ClientCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final OffsetClock clock = OffsetClock.stoppedAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final ClientCache cache = new ClientCache(id -> {
        loads.incrementAndGet();
        return "known".equals(id) ? Optional.of(client(id)) : Optional.empty();
    }, Duration.ofMinutes(5), Duration.ofSeconds(5), clock, 100);

    @Test
    void secondReadIsServedFromTheCacheUntilItExpires() {
        cache.get("known");
        cache.get("known");
        assertEquals(1, loads.get());

        clock.advance(Duration.ofMinutes(6));
        cache.get("known");
        assertEquals(2, loads.get());
    }

    @Test
    void evictForcesTheNextReadToTheRegistry() {
        cache.get("known");
        cache.evict("known");
        cache.get("known");
        assertEquals(2, loads.get());
    }

    @Test
    void unknownClientsAreRememberedBriefly() {
        assertTrue(cache.get("nobody").isEmpty());
        cache.get("nobody");
        assertEquals(1, loads.get());
        clock.advance(Duration.ofSeconds(6));
        cache.get("nobody");
        assertEquals(2, loads.get());
    }

    private static RegisteredClient client(String id) {
        ClientMetadata metadata = new ClientMetadata("Test", List.of("https://app.example/cb"), null, null, "none",
                "openid", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new RegisteredClient(id, metadata, null, null, false, Instant.EPOCH, Instant.EPOCH);
    }
}
