package dev.verifier.authorize.client;

import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.registry.ClientCache;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;

/**
 * Evicts a changed client and its keys from the caches. Every copy of the service must see every event, so each copy has its own
 * consumer group (the service name plus a random suffix), starting from the latest offset.
 */
@KafkaListener(groupId = "authorize-service", uniqueGroupId = true, offsetReset = OffsetReset.LATEST)
class ClientChangedListener {

    private final ClientCache cache;
    private final CachedClientKeys keys;

    ClientChangedListener(ClientCache cache, CachedClientKeys keys) {
        this.cache = cache;
        this.keys = keys;
    }

    @Topic(Topics.CLIENT_CHANGED)
    void onClientChanged(ClientChanged event) {
        cache.evict(event.clientId());
        keys.evict(event.clientId());
    }
}
