package dev.verifier.shared.clientauth;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.RegisteredClient;

/**
 * Authenticates a client with the verifier of its registered method only: presenting another method's credentials
 * fails (but for client_secret_basic and client_secret_post, one secret sent two ways: {@link SecretVerifier}). Every failure is the same {@code invalid_client} to the caller, whatever check failed (the check is the
 * exception's {@code reason}, for the audit trail). Not a bean: a service builds one
 * from its verifiers (checked for duplicates here).
 */
public final class ClientAuthenticator {

    private final Map<ClientAuthMethod, ClientAuthVerifier> verifiers = new EnumMap<>(ClientAuthMethod.class);

    public ClientAuthenticator(List<? extends ClientAuthVerifier> verifiers) {
        for (ClientAuthVerifier verifier : verifiers) {
            if (this.verifiers.put(verifier.method(), verifier) != null) {
                throw new IllegalStateException("two verifiers for " + verifier.method().value());
            }
        }
    }

    /** All five methods of the contract. */
    public static ClientAuthenticator standard() {
        return new ClientAuthenticator(List.of(new NoneVerifier(), new ClientSecretBasicVerifier(),
                new ClientSecretPostVerifier(), new ClientSecretJwtVerifier(), new PrivateKeyJwtVerifier()));
    }

    public RegisteredClient authenticate(ClientCredentials credentials,
                                         Function<String, Optional<RegisteredClient>> clients,
                                         AuthenticationContext context) {
        RegisteredClient client = clients.apply(credentials.clientId())
                .orElseThrow(() -> ClientCredentials.invalidClient("unknown_client"));
        ClientAuthVerifier verifier = verifiers.get(client.authMethod());
        if (verifier == null) {
            throw ClientCredentials.invalidClient("method_unavailable");
        }
        if (!verifier.accepts(credentials.kind())) {
            throw ClientCredentials.invalidClient("method_mismatch");
        }
        verifier.verify(credentials, client, context);
        return client;
    }
}
