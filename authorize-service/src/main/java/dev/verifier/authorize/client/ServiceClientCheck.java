package dev.verifier.authorize.client;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;

/**
 * Upgrade guard: authorize-service no longer authenticates as the bootstrap admin client. A deployment that still
 * hands it {@code VERIFIER_ADMIN_CLIENT_ID} but not its own service client stops at start-up saying what to change.
 */
@Context
class ServiceClientCheck {

    ServiceClientCheck(RegistryConfiguration config, @Nullable @Value("${verifier.admin.client-id:}") String adminId) {
        boolean ownClient = config.clientId() != null && !config.clientId().isBlank();
        if (!ownClient && adminId != null && !adminId.isBlank()) {
            throw new IllegalStateException("authorize-service no longer uses the bootstrap admin client: set "
                    + "VERIFIER_AUTHORIZE_CLIENT_ID and VERIFIER_AUTHORIZE_CLIENT_SECRET (the same values in "
                    + "client-registry, which seeds that client with scope registry.read jti.record) and remove "
                    + "VERIFIER_ADMIN_CLIENT_ID / VERIFIER_ADMIN_CLIENT_SECRET from authorize-service's environment");
        }
    }
}
