package dev.verifier.registry.client;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import dev.verifier.registry.api.ApiScopeRecord;
import dev.verifier.registry.api.ApiScopeRepository;
import dev.verifier.registry.api.ScopeValues;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.scope.Scopes;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an upgrade from the fixed list of known scopes, clients may already hold scopes that no registered API
 * defines (e.g. {@code notes.read}). At start-up, off the start thread, the registry reads every client once and logs
 * a warning naming those scopes and how many clients hold each, so the operator knows which APIs to register
 * (until then such a client cannot be updated with its scope).
 */
@Singleton
class UnregisteredScopes {

    private static final Logger LOG = LoggerFactory.getLogger(UnregisteredScopes.class);
    private static final int PAGE = 200;

    private final ClientRepository clients;
    private final ApiScopeRepository apiScopes;
    private final JsonMapper json;
    private final ExecutorService background;

    UnregisteredScopes(ClientRepository clients, ApiScopeRepository apiScopes, JsonMapper json,
                       @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.clients = clients;
        this.apiScopes = apiScopes;
        this.json = json;
        this.background = background;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        background.execute(() -> {
            try {
                Map<String, Integer> unregistered = find();
                if (!unregistered.isEmpty()) {
                    LOG.warn("registered clients hold scopes that no registered API defines: {}; register the APIs "
                            + "that own them (POST /apis, see docs/operating.md)", unregistered.entrySet().stream()
                            .map(e -> e.getKey() + " (" + e.getValue() + " clients)").collect(Collectors.joining(", ")));
                }
            } catch (RuntimeException e) {
                LOG.warn("could not check the clients' scopes against the registered APIs: {}", e.toString());
            }
        });
    }

    /** Each scope that registered clients hold and no registered API defines, with how many clients hold it. */
    Map<String, Integer> find() {
        Map<String, Integer> held = new TreeMap<>();
        Pageable page = Pageable.from(0, PAGE, Sort.of(Sort.Order.asc("clientId")));
        Page<ClientRecord> found;
        do {
            found = clients.findAll(page);
            for (ClientRecord client : found.getContent()) {
                Scopes.parse(scope(client)).values().stream().filter(ScopeValues::needsApi)
                        .forEach(s -> held.merge(s, 1, Integer::sum));
            }
            page = page.next();
        } while (found.getContent().size() == PAGE);
        if (!held.isEmpty()) {
            apiScopes.findByScopeValueIn(held.keySet()).stream().map(ApiScopeRecord::scopeValue).forEach(held::remove);
        }
        return held;
    }

    @Nullable
    private String scope(ClientRecord client) {
        try {
            return json.readValue(client.metadata(), ClientMetadata.class).scope();
        } catch (IOException e) {
            return null;
        }
    }
}
