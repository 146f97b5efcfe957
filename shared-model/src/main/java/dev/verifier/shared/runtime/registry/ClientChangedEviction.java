package dev.verifier.shared.runtime.registry;

import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.kafka.Listeners;
import dev.verifier.shared.registry.CachedClientKeys;
import dev.verifier.shared.registry.ClientCache;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;

/**
 * Evicts a changed client and its keys from a service's caches on {@code ClientChanged}. Every copy of the service must
 * see every event, so each copy has its own consumer group (the service name plus a random suffix), starting from the
 * latest offset. Active in the services that read clients from the registry (they have both caches).
 */
@KafkaListener(groupId = "${micronaut.application.name}-client-changed", uniqueGroupId = true,
        pollTimeout = Listeners.POLL_TIMEOUT, offsetReset = OffsetReset.LATEST)
@Requires(beans = {ClientCache.class, CachedClientKeys.class})
public class ClientChangedEviction {

    private final ClientCache clients;
    private final CachedClientKeys keys;

    public ClientChangedEviction(ClientCache clients, CachedClientKeys keys) {
        this.clients = clients;
        this.keys = keys;
    }

    @Topic(Topics.CLIENT_CHANGED)
    void onClientChanged(ClientChanged event) {
        clients.evict(event.clientId());
        keys.evict(event.clientId());
    }
}
