package dev.verifier.resource;

import io.micronaut.runtime.Micronaut;

/** Entry point of resource-api. */
public final class ResourceApiApplication {

    private ResourceApiApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(ResourceApiApplication.class, args);
    }
}
