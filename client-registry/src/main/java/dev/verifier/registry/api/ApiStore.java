package dev.verifier.registry.api;

import static dev.verifier.shared.error.OAuthError.INVALID_REQUEST;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.verifier.registry.event.ApiEvents;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.event.ApiChanged.Change;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The API tables' write paths, each one transaction that also puts its {@code ApiChanged} event in the outbox. An
 * identifier and a scope value belong to one API at most (checked here for a precise answer; the unique index and the
 * primary key of {@code api_scope} hold it against concurrent writers). A scope is taken from an API (by a
 * {@code PUT} without it, or by deleting the API) only while no registered client holds it: the API's scope rows are
 * locked first, and a client write locks the rows of the API scopes it uses, so the two never cross.
 */
@Singleton
public class ApiStore {

    private final ApiRepository apis;
    private final ApiScopeRepository scopes;
    private final ScopeHolders usage;
    private final ApiEvents events;
    private final ApiConfiguration config;

    ApiStore(ApiRepository apis, ApiScopeRepository scopes, ScopeHolders usage, ApiEvents events,
             ApiConfiguration config) {
        this.apis = apis;
        this.scopes = scopes;
        this.usage = usage;
        this.events = events;
        this.config = config;
    }

    public ApiRecord require(String id) {
        return apis.findById(id).orElseThrow(() -> notFound(id));
    }

    public Optional<ApiRecord> findByIdentifier(String identifier) {
        return apis.findByIdentifier(identifier);
    }

    public Optional<ApiRecord> findByScope(String scope) {
        return scopes.findById(scope).flatMap(s -> apis.findById(s.apiId()));
    }

    @Transactional
    public ApiRecord insert(ApiRecord api, List<String> scopeValues) {
        requireIdentifierFree(api);
        requireScopesFree(api.id(), scopeValues);
        ApiRecord saved = apis.save(api);
        scopes.saveAll(scopeValues.stream().map(v -> new ApiScopeRecord(v, api.id())).toList());
        events.record(api.id(), Change.CREATED);
        return saved;
    }

    /** Full replace: keeps the creation time; scopes no longer listed are removed only when no client holds them. */
    @Transactional
    public ApiRecord replace(ApiRecord api, List<String> scopeValues) {
        ApiRecord old = apis.lockById(api.id()).orElseThrow(() -> notFound(api.id()));
        requireIdentifierFree(api);
        List<ApiScopeRecord> held = scopes.lockByApiId(api.id());
        List<ApiScopeRecord> removed = held.stream().filter(s -> !scopeValues.contains(s.scopeValue())).toList();
        List<String> kept = held.stream().map(ApiScopeRecord::scopeValue).toList();
        List<String> added = scopeValues.stream().filter(v -> !kept.contains(v)).toList();
        requireUnused(values(removed), "removed from the API");
        requireScopesFree(api.id(), added);
        scopes.deleteAll(removed);
        scopes.saveAll(added.stream().map(v -> new ApiScopeRecord(v, api.id())).toList());
        ApiRecord updated = apis.update(api.createdAt(old.createdAt()));
        events.record(api.id(), Change.UPDATED);
        return updated;
    }

    /** Deletes the API, only when no registered client holds one of its scopes. */
    @Transactional
    public void delete(String id) {
        apis.lockById(id).orElseThrow(() -> notFound(id));
        List<ApiScopeRecord> held = scopes.lockByApiId(id);
        requireUnused(values(held), "deleted with the API");
        scopes.deleteAll(held);
        apis.deleteById(id);
        events.record(id, Change.DELETED);
    }

    private void requireIdentifierFree(ApiRecord api) {
        apis.findByIdentifier(api.identifier()).filter(other -> !other.id().equals(api.id())).ifPresent(other -> {
            throw INVALID_REQUEST.exception("identifier is already registered for API " + other.id());
        });
    }

    private void requireScopesFree(String apiId, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        scopes.findByScopeValueIn(values).stream().filter(s -> !s.apiId().equals(apiId)).findFirst().ifPresent(s -> {
            throw INVALID_REQUEST.exception("scope " + s.scopeValue() + " already belongs to API " + s.apiId()
                    + ": a scope value belongs to one API only");
        });
    }

    private void requireUnused(List<String> values, String what) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, SortedSet<String>> holders = usage.holders(values);
        if (holders.isEmpty()) {
            return;
        }
        SortedSet<String> clients = new TreeSet<>();
        holders.values().forEach(clients::addAll);
        List<String> named = clients.stream().limit(config.maxClientsNamed()).toList();
        String more = clients.size() > named.size() ? " and " + (clients.size() - named.size()) + " more" : "";
        throw INVALID_REQUEST.exception((holders.size() == 1 ? "scope " : "scopes ")
                + String.join(" ", holders.keySet()) + " cannot be " + what + ": registered clients hold "
                + (holders.size() == 1 ? "it" : "them") + " in their scope (" + String.join(", ", named) + more
                + "); change their scope first");
    }

    private static List<String> values(List<ApiScopeRecord> rows) {
        return rows.stream().map(ApiScopeRecord::scopeValue).toList();
    }

    private static RuntimeException notFound(String id) {
        return OAuthError.NOT_FOUND.exception("no API " + id);
    }
}
