package dev.verifier.registry.event;

import dev.verifier.shared.event.ClientChanged;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link ClientChanged} once a change is committed. A failed send is logged and does not undo the committed
 * change: the other services' caches then expire by their TTL instead of being evicted at once.
 */
@Singleton
public class ClientEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEvents.class);

    private final ClientChangedProducer producer;

    ClientEvents(ClientChangedProducer producer) {
        this.producer = producer;
    }

    public void changed(String clientId, ClientChanged.Change change) {
        try {
            producer.send(clientId, ClientChanged.of(clientId, change));
        } catch (RuntimeException e) {
            LOG.error("ClientChanged {} for client {} could not be published: {}", change, clientId, e.toString());
        }
    }
}
