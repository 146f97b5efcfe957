package dev.verifier.authorize;

import io.micronaut.runtime.Micronaut;

/** Entry point of authorize-service. */
public final class AuthorizeServiceApplication {

    private AuthorizeServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(AuthorizeServiceApplication.class, args);
    }
}
