package dev.verifier.registry;

import io.micronaut.runtime.Micronaut;

/** Entry point of client-registry. */
public final class ClientRegistryApplication {

    private ClientRegistryApplication() {
    }

    public static void main(String[] args) {
        // no ASCII-art banner: stdout carries one log line per event (JSON when VERIFIER_LOG_FORMAT=json)
        Micronaut.build(args).mainClass(ClientRegistryApplication.class).banner(false).start();
    }
}
