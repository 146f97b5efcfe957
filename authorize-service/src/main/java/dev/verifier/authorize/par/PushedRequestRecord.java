package dev.verifier.authorize.par;

import java.time.Instant;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A pushed authorization request: its parameters (JSON), keyed by the hash of its request_uri. */
@MappedEntity("pushed_request")
record PushedRequestRecord(@Id String idHash, String clientId, String parameters, Instant expiresAt) {
}
