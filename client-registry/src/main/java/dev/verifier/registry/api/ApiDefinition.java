package dev.verifier.registry.api;

import java.util.List;

import dev.verifier.shared.api.RegisteredApi;
import io.micronaut.core.annotation.Nullable;

/** An API as it will be stored: a validated {@link ApiRequest} with the defaults filled in. */
public record ApiDefinition(
        String identifier,
        String name,
        List<RegisteredApi.Scope> scopes,
        @Nullable Integer accessTokenLifetime,
        boolean allowClientCredentials,
        boolean allowUserTokens) {

    public List<String> scopeValues() {
        return scopes.stream().map(RegisteredApi.Scope::value).toList();
    }
}
