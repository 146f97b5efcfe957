package dev.verifier.shared.clientauth;

import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.RegisteredClient;

/**
 * Verifies one {@code token_endpoint_auth_method}. Stateless: what it needs (time, audiences, the jti store, the
 * client's keys, the secrets cipher) comes in the {@link AuthenticationContext}. Throws {@code invalid_client}.
 */
public interface ClientAuthVerifier {

    ClientAuthMethod method();

    /** The kind of credentials this method presents. */
    ClientCredentials.Kind kind();

    /** Whether a client registered for this method may present {@code presented}: by default, its own kind only. */
    default boolean accepts(ClientCredentials.Kind presented) {
        return presented == kind();
    }

    void verify(ClientCredentials credentials, RegisteredClient client, AuthenticationContext context);
}
