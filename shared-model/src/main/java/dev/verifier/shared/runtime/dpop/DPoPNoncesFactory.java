package dev.verifier.shared.runtime.dpop;

import dev.verifier.shared.dpop.DPoPConfiguration;
import dev.verifier.shared.dpop.DPoPNonces;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** Reads {@link DPoPNonces} at start-up, so a required nonce without a secret stops the service at once. */
@Factory
class DPoPNoncesFactory {

    @Context
    DPoPNonces dpopNonces(DPoPConfiguration config) {
        return DPoPNonces.from(config);
    }
}
