package dev.verifier.shared.clientauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import dev.verifier.shared.crypto.SecretsCipher;

/**
 * What client-assertion checks need from the service that runs them.
 *
 * @param audiences            accepted {@code aud} values: the issuer and the endpoint URL (RFC 7523 §3)
 * @param maxAssertionLifetime how far ahead {@code exp} may be
 * @param clockSkew            tolerance for {@code exp}, {@code nbf}, {@code iat}
 * @param jtiStore             single-use store shared by every copy of the service
 * @param keys                 the clients' public keys (private_key_jwt)
 * @param cipher               decrypts client_secret_jwt secrets
 */
public record AuthenticationContext(
        Set<String> audiences,
        Duration maxAssertionLifetime,
        Duration clockSkew,
        Clock clock,
        JtiStore jtiStore,
        ClientKeySource keys,
        SecretsCipher cipher) {
}
