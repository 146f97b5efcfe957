package dev.verifier.resource;

import io.micronaut.runtime.Micronaut;

/** Entry point of resource-api. */
public final class ResourceApiApplication {

    private ResourceApiApplication() {
    }

    public static void main(String[] args) {
        // no ASCII-art banner: stdout carries one log line per event (JSON when VERIFIER_LOG_FORMAT=json)
        Micronaut.build(args).mainClass(ResourceApiApplication.class).banner(false).start();
    }
}
