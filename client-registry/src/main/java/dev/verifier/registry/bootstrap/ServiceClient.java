package dev.verifier.registry.bootstrap;

import java.util.List;

/**
 * A client seeded from the environment at start-up: confidential ({@code client_secret_basic}),
 * {@code client_credentials} only, {@code verifier_admin}, with a fixed internal scope.
 *
 * @param secretVariable         the environment variable of the secret, named in start-up errors
 * @param introspectionAudiences the token audiences whose tokens it may introspect (null: none)
 */
record ServiceClient(String name, String clientId, String clientSecret, String scope, String secretVariable,
                     List<String> introspectionAudiences) {

    /** Without the secret: records print their components. */
    @Override
    public String toString() {
        return "ServiceClient[" + name + ", clientId=" + clientId + ", scope=" + scope + "]";
    }
}
