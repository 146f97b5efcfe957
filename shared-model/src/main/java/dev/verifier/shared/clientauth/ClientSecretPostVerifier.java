package dev.verifier.shared.clientauth;

import dev.verifier.shared.client.ClientAuthMethod;

/** {@code client_secret_post}: {@code client_id} and {@code client_secret} in the form body. */
public final class ClientSecretPostVerifier extends SecretVerifier {

    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.CLIENT_SECRET_POST;
    }

    @Override
    public ClientCredentials.Kind kind() {
        return ClientCredentials.Kind.POST;
    }
}
