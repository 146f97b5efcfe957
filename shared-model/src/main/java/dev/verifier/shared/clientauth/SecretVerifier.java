package dev.verifier.shared.clientauth;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;

/** The secret-comparing part of client_secret_basic and client_secret_post (constant-time, against the hash). */
abstract class SecretVerifier implements ClientAuthVerifier {

    @Override
    public void verify(ClientCredentials credentials, RegisteredClient client, AuthenticationContext context) {
        if (!ClientSecrets.matches(credentials.secret(), client.secretHash())) {
            throw ClientCredentials.invalidClient("secret_mismatch");
        }
    }
}
