package dev.verifier.token.grant;

import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;

/** One implementation per grant type; runs after the client was authenticated and allowed the grant. */
public interface GrantHandler {

    GrantType grantType();

    TokenResponse handle(TokenRequest request, RegisteredClient client);
}
