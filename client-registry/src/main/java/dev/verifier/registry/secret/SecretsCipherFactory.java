package dev.verifier.registry.secret;

import dev.verifier.shared.crypto.SecretsCipher;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The AES-GCM key ring from {@code verifier.secrets.key} (environment {@code VERIFIER_SECRETS_KEY}). */
@Factory
class SecretsCipherFactory {

    @Singleton
    SecretsCipher secretsCipher(@Value("${verifier.secrets.key}") String keyRing) {
        return SecretsCipher.fromKeyRing(keyRing);
    }
}
