package dev.verifier.registry.client;

import static dev.verifier.shared.error.OAuthError.INVALID_CLIENT_METADATA;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.verifier.registry.api.ApiScopeRecord;
import dev.verifier.registry.api.ApiScopeRepository;
import dev.verifier.registry.api.ScopeValues;
import dev.verifier.shared.scope.Scopes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Scopes are data: a client's {@code scope} may hold the OpenID Connect scopes, the internal scopes (only for a
 * {@code verifier_admin} client, see {@link AdminClientRules}) and the scopes of registered APIs, nothing else. Runs
 * in the transaction of the client write and locks the rows of the API scopes it finds until the write commits, so
 * that no API loses one of them meanwhile (see {@code ApiStore}).
 */
@Singleton
class ClientScopeRules {

    private final ApiScopeRepository apiScopes;

    ClientScopeRules(ApiScopeRepository apiScopes) {
        this.apiScopes = apiScopes;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void requireRegistered(@Nullable String scope) {
        List<String> needApi = Scopes.parse(scope).values().stream().filter(ScopeValues::needsApi).sorted().toList();
        if (needApi.isEmpty()) {
            return;
        }
        Set<String> registered = apiScopes.lockByValues(needApi).stream().map(ApiScopeRecord::scopeValue)
                .collect(Collectors.toSet());
        List<String> unknown = needApi.stream().filter(s -> !registered.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw INVALID_CLIENT_METADATA.exception("scope contains values that no registered API defines: "
                    + String.join(" ", unknown) + " (register the API that owns them first, POST /apis)");
        }
    }
}
