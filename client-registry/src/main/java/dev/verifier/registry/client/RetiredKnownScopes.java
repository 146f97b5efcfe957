package dev.verifier.registry.client;

import dev.verifier.registry.rules.RegistrationConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * {@code verifier.registration.known-scopes} (environment {@code VERIFIER_REGISTRATION_KNOWN_SCOPES}) is gone: the
 * scopes a client may hold are the OpenID Connect scopes, the internal scopes and the scopes of registered APIs. A
 * configuration that still sets it stops the start with a message saying what to do, rather than being half obeyed:
 * a fixed list next to the registered APIs would be a second, silent source of truth.
 */
@Context
@Singleton
class RetiredKnownScopes {

    static final String PROPERTY = RegistrationConfiguration.PREFIX + ".known-scopes";

    RetiredKnownScopes(Environment environment) {
        if (environment.containsProperty(PROPERTY)) {
            throw new IllegalStateException(PROPERTY + " (VERIFIER_REGISTRATION_KNOWN_SCOPES) is no longer read: scopes "
                    + "are data. Remove the setting, start client-registry, and register each API with the scopes your "
                    + "clients use (POST /apis, see docs/operating.md, \"Registered APIs and their scopes\"); the OpenID "
                    + "Connect scopes and the internal scopes need no registration.");
        }
    }
}
