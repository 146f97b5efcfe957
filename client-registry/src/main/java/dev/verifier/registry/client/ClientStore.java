package dev.verifier.registry.client;

import java.util.Optional;
import java.util.function.Function;

import dev.verifier.registry.jwks.JwksCacheRepository;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** The client table's write paths, each one transaction (events go out only after it committed). */
@Singleton
public class ClientStore {

    private final ClientRepository clients;
    private final JwksCacheRepository jwksCache;

    public ClientStore(ClientRepository clients, JwksCacheRepository jwksCache) {
        this.clients = clients;
        this.jwksCache = jwksCache;
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

    @Transactional
    public ClientRecord insert(ClientRecord record) {
        return clients.save(record);
    }

    /** Replaces a client; a changed {@code jwks_uri} drops the cached set. */
    @Transactional
    public ClientRecord replace(ClientRecord record, boolean jwksUriChanged) {
        if (jwksUriChanged) {
            jwksCache.deleteById(record.clientId());
        }
        return clients.update(record);
    }

    @Transactional
    public void delete(String clientId) {
        require(clientId);
        jwksCache.deleteById(clientId);
        clients.deleteById(clientId);
    }
}
