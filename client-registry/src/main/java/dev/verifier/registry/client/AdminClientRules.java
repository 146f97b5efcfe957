package dev.verifier.registry.client;

import static dev.verifier.shared.error.OAuthError.INVALID_CLIENT_METADATA;

import java.util.List;

import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;
import jakarta.inject.Singleton;

/**
 * Admin clients are apart from user-facing ones: a client whose {@code scope} holds an internal scope
 * ({@link AdminScopes#ALL}) must be registered {@code "verifier_admin": true}, and a {@code verifier_admin} client is a
 * confidential client with the {@code client_credentials} grant only (no code flow, so no user ever gets its scopes).
 * Only a {@code registry.admin} caller reaches registration at all, so only it can set {@code verifier_admin}.
 */
@Singleton
class AdminClientRules {

    void check(ClientMetadata m, List<String> grantTypes, ClientAuthMethod method) {
        List<String> internal = AdminScopes.internal(Scopes.parse(m.scope()).values());
        if (!internal.isEmpty() && !m.admitsAdminScopes()) {
            throw INVALID_CLIENT_METADATA.exception("scope " + String.join(" ", internal)
                    + " is internal: only a client registered with verifier_admin true may hold it");
        }
        if (!m.admitsAdminScopes()) {
            return;
        }
        if (method.isPublic() || !grantTypes.equals(List.of(GrantType.CLIENT_CREDENTIALS.value()))) {
            throw INVALID_CLIENT_METADATA.exception(
                    "a verifier_admin client must be confidential with grant_types [client_credentials] only");
        }
    }
}
