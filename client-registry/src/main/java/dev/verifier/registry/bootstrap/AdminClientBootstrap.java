package dev.verifier.registry.bootstrap;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.verifier.registry.client.ClientRecord;
import dev.verifier.registry.client.ClientRepository;
import dev.verifier.registry.client.ClientStore;
import dev.verifier.registry.event.ClientEvents;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.event.ClientChanged.Change;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the bootstrap admin client ({@link AdminClientConfiguration}) at start-up: grant {@code client_credentials},
 * {@code client_secret_basic}, scope {@value AdminClientConfiguration#SCOPE}, first party. Idempotent across restarts
 * and copies starting together: insert-if-absent, then bring an existing row to the configured secret and metadata
 * (same values from every copy), with a {@code ClientChanged} event in the outbox only when something changed.
 */
@Singleton
public class AdminClientBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminClientBootstrap.class);

    private final AdminClientConfiguration config;
    private final ClientRepository clients;
    private final ClientStore store;
    private final ClientEvents events;
    private final JsonMapper json;
    private final Clock clock;

    AdminClientBootstrap(AdminClientConfiguration config, ClientRepository clients, ClientStore store,
                         ClientEvents events, JsonMapper json, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (config.enabled()) {
            seed();
        } else {
            LOG.info("no bootstrap admin client configured (VERIFIER_ADMIN_CLIENT_ID / VERIFIER_ADMIN_CLIENT_SECRET)");
        }
    }

    /** @return the change made, or null when the client was already as configured */
    public Change seed() {
        Change change = store.inTransaction(this::seedRow);
        if (change != null) {
            events.publishSoon(); // off the start-up thread: a broker that is not up yet must not hold the start
        }
        return change;
    }

    private Change seedRow() {
        String id = config.clientId();
        String metadata = metadata();
        String hash = ClientSecrets.hash(config.clientSecret());
        Instant now = clock.instant();
        String method = ClientAuthMethod.CLIENT_SECRET_BASIC.value();
        if (clients.insertIfAbsent(id, metadata, method, hash, null, null, true, now, now) == 1) {
            LOG.info("bootstrap admin client {} registered", id);
            events.record(id, Change.CREATED);
            return Change.CREATED;
        }
        ClientRecord existing = clients.findById(id).orElseThrow();
        if (ClientSecrets.matches(config.clientSecret(), existing.secretHash()) && metadata.equals(existing.metadata())
                && existing.firstParty()) {
            return null;
        }
        clients.update(new ClientRecord(id, metadata, method, hash, null, null, true, existing.createdAt(), now));
        LOG.info("bootstrap admin client {} updated to the configured secret and scopes", id);
        events.record(id, Change.UPDATED);
        return Change.UPDATED;
    }

    private String metadata() {
        ClientMetadata metadata = new ClientMetadata("Verifier bootstrap admin", List.of(),
                List.of(GrantType.CLIENT_CREDENTIALS.value()), List.of(), ClientAuthMethod.CLIENT_SECRET_BASIC.value(),
                AdminClientConfiguration.SCOPE, null, null, null, null, null, null, "web", null, null, null, null,
                null, null, null, null, null);
        try {
            return json.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
