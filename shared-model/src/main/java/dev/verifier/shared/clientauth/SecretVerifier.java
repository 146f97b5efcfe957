package dev.verifier.shared.clientauth;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.crypto.ClientSecrets;

/**
 * The secret-comparing part of client_secret_basic and client_secret_post (constant-time, against the hash). The two
 * are one secret sent two ways, so a client registered for either may send it either way (RFC 6749 §2.3.1): most
 * libraries use Basic, openid-client 6 sends the body by default when it is given a secret. A client_secret_jwt
 * client's secret never travels, and none of the other methods accepts a secret.
 */
abstract class SecretVerifier implements ClientAuthVerifier {

    @Override
    public boolean accepts(ClientCredentials.Kind presented) {
        return presented == ClientCredentials.Kind.BASIC || presented == ClientCredentials.Kind.POST;
    }

    @Override
    public void verify(ClientCredentials credentials, RegisteredClient client, AuthenticationContext context) {
        if (!ClientSecrets.matches(credentials.secret(), client.secretHash())) {
            throw ClientCredentials.invalidClient("secret_mismatch");
        }
    }
}
