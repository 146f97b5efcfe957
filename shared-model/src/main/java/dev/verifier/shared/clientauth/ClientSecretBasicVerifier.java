package dev.verifier.shared.clientauth;

import dev.verifier.shared.client.ClientAuthMethod;

/** {@code client_secret_basic}: HTTP Basic with the client id and secret (RFC 6749 §2.3.1). */
public final class ClientSecretBasicVerifier extends SecretVerifier {

    @Override
    public ClientAuthMethod method() {
        return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }

    @Override
    public ClientCredentials.Kind kind() {
        return ClientCredentials.Kind.BASIC;
    }
}
