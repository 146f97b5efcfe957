package dev.verifier.token;

import io.micronaut.runtime.Micronaut;

/** Entry point of token-service. */
public final class TokenServiceApplication {

    private TokenServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(TokenServiceApplication.class, args);
    }
}
