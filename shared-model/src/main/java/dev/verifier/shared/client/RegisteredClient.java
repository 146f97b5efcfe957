package dev.verifier.shared.client;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The registry's internal view of a client, as answered by {@code GET /clients/{id}} to callers holding scope
 * {@code registry.read} (token-service, authorize-service). Carries the secret's hash (client_secret_basic/post) or
 * its AES-GCM ciphertext (client_secret_jwt, decryptable only with VERIFIER_SECRETS_KEY), never the secret.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RegisteredClient(
        String clientId,
        ClientMetadata metadata,
        @Nullable String secretHash,
        @Nullable String secretCiphertext,
        boolean firstParty,
        Instant clientIdIssuedAt,
        Instant updatedAt) {

    public ClientAuthMethod authMethod() {
        return ClientAuthMethod.from(metadata.tokenEndpointAuthMethod()).orElse(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    public boolean isPublic() {
        return authMethod().isPublic();
    }
}
