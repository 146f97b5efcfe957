package dev.verifier.shared.clientauth;

import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.RegisteredClient;

/** {@code none}: a public client identifies itself with {@code client_id} only. */
public final class NoneVerifier implements ClientAuthVerifier {

    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.NONE;
    }

    @Override
    public ClientCredentials.Kind kind() {
        return ClientCredentials.Kind.NONE;
    }

    @Override
    public void verify(ClientCredentials credentials, RegisteredClient client, AuthenticationContext context) {
        // nothing to prove: the client id was matched to a registered public client
    }
}
