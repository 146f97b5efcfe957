package dev.verifier.token.keys;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A stored signing key; {@code privateJwk} is AES-GCM ciphertext of the private JWK JSON. */
@MappedEntity("signing_key")
public record SigningKey(
        @Id String kid,
        String alg,
        int generation,
        String privateJwk,
        String publicJwk,
        Instant createdAt,
        Instant activatesAt) {
}
