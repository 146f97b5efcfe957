package dev.verifier.registry;

import io.micronaut.runtime.Micronaut;

/** Entry point of client-registry. */
public final class ClientRegistryApplication {

    private ClientRegistryApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ClientRegistryApplication.class, args);
    }
}
