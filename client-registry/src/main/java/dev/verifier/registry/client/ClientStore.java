package dev.verifier.registry.client;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.verifier.registry.event.ClientEvents;
import dev.verifier.registry.jwks.JwksCacheRepository;
import dev.verifier.shared.event.ClientChanged.Change;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The client table's write paths, each one transaction that also puts its {@code ClientChanged} event in the outbox
 * ({@link ClientEvents#record}); the event is sent once the transaction committed.
 */
@Singleton
public class ClientStore {

    private final ClientRepository clients;
    private final JwksCacheRepository jwksCache;
    private final ClientEvents events;

    public ClientStore(ClientRepository clients, JwksCacheRepository jwksCache, ClientEvents events) {
        this.clients = clients;
        this.jwksCache = jwksCache;
        this.events = events;
    }

    public Optional<ClientRecord> find(String clientId) {
        return clients.findById(clientId);
    }

    public ClientRecord require(String clientId) {
        return find(clientId).orElseThrow(() -> OAuthError.NOT_FOUND.exception("no client " + clientId));
    }

    /** Runs {@code change} on the locked current row, in one transaction (its writes join it). */
    @Transactional
    public <T> T locked(String clientId, Function<ClientRecord, T> change) {
        return change.apply(clients.lockById(clientId)
                .orElseThrow(() -> OAuthError.NOT_FOUND.exception("no client " + clientId)));
    }

    /** Runs {@code work} in one transaction (for writes outside the methods below, e.g. seeding). */
    @Transactional
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Transactional
    public ClientRecord insert(ClientRecord record) {
        ClientRecord saved = clients.save(record);
        events.record(saved.clientId(), Change.CREATED);
        return saved;
    }

    /** Replaces a client ({@code change}: UPDATED or SECRET_ROTATED); a changed {@code jwks_uri} drops the cached set. */
    @Transactional
    public ClientRecord replace(ClientRecord record, boolean jwksUriChanged, Change change) {
        if (jwksUriChanged) {
            jwksCache.deleteById(record.clientId());
        }
        ClientRecord updated = clients.update(record);
        events.record(record.clientId(), change);
        return updated;
    }

    @Transactional
    public void delete(String clientId) {
        require(clientId);
        jwksCache.deleteById(clientId);
        clients.deleteById(clientId);
        events.record(clientId, Change.DELETED);
    }
}
