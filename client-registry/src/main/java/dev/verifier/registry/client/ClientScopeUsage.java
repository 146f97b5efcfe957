package dev.verifier.registry.client;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.verifier.registry.api.ScopeHolders;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.scope.Scopes;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Which registered clients hold a scope in their {@code scope} metadata ({@link ScopeHolders}): the clients an API's
 * scope may not be taken from. The database narrows the clients by a text match on the stored metadata; each candidate's {@code scope} is then
 * read exactly. A scope value is a scope-token, which JSON writes as it is, so the text match misses none.
 */
@Singleton
public class ClientScopeUsage implements ScopeHolders {

    private final ClientRepository clients;
    private final JsonMapper json;

    ClientScopeUsage(ClientRepository clients, JsonMapper json) {
        this.clients = clients;
        this.json = json;
    }

    @Override
    public Map<String, SortedSet<String>> holders(Collection<String> scopes) {
        Map<String, SortedSet<String>> holders = new LinkedHashMap<>();
        for (String scope : scopes) {
            for (ClientRecord client : clients.findByMetadataLike("%" + likeLiteral(scope) + "%")) {
                if (registeredScopes(client).contains(scope)) {
                    holders.computeIfAbsent(scope, s -> new TreeSet<>()).add(client.clientId());
                }
            }
        }
        return holders;
    }

    private Scopes registeredScopes(ClientRecord client) {
        try {
            return Scopes.parse(json.readValue(client.metadata(), ClientMetadata.class).scope());
        } catch (IOException e) {
            throw new IllegalStateException("stored metadata is not readable", e);
        }
    }

    /** {@code value} matched literally by LIKE with {@code ESCAPE '!'}. */
    static String likeLiteral(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
