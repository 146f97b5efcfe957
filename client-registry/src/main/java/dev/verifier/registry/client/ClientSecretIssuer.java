package dev.verifier.registry.client;

import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.crypto.SecretsCipher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Generates a client's secret (256 bits, base64url) and the form it is stored in: a hash for
 * {@code client_secret_basic}/{@code client_secret_post}, AES-GCM ciphertext for {@code client_secret_jwt} (the
 * server needs the HMAC key back). The plaintext leaves only in the one registration or rotation response.
 */
@Singleton
public class ClientSecretIssuer {

    private final SecretsCipher cipher;

    public ClientSecretIssuer(SecretsCipher cipher) {
        this.cipher = cipher;
    }

    /** The secret for this auth method, or {@link StoredSecret#NONE} when the method has no shared secret. */
    public StoredSecret issue(ClientAuthMethod method) {
        if (!method.hasSecret()) {
            return StoredSecret.NONE;
        }
        return store(method, ClientSecrets.generate());
    }

    /** A given secret (the bootstrap admin client's, from the environment) in its stored form. */
    public StoredSecret store(ClientAuthMethod method, String plaintext) {
        return switch (method.secretStorage()) {
            case NONE -> StoredSecret.NONE;
            case HASHED -> new StoredSecret(plaintext, ClientSecrets.hash(plaintext), null, null);
            case ENCRYPTED -> new StoredSecret(plaintext, null, cipher.encrypt(plaintext), cipher.currentKeyId());
        };
    }

    /** A secret as issued: the plaintext (shown once) and exactly one of hash or ciphertext. */
    public record StoredSecret(@Nullable String plaintext, @Nullable String hash, @Nullable String ciphertext,
                               @Nullable String keyId) {
        public static final StoredSecret NONE = new StoredSecret(null, null, null, null);
    }
}
