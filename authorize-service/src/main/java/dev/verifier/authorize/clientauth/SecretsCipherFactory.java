package dev.verifier.authorize.clientauth;

import dev.verifier.shared.crypto.SecretsCipher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The AES-GCM key ring from {@code verifier.secrets.key} (environment {@code VERIFIER_SECRETS_KEY}), when set. */
@Factory
class SecretsCipherFactory {

    @Singleton
    @Requires(property = "verifier.secrets.key", pattern = ".+")
    SecretsCipher secretsCipher(@Value("${verifier.secrets.key}") String keyRing) {
        return SecretsCipher.fromKeyRing(keyRing);
    }
}
