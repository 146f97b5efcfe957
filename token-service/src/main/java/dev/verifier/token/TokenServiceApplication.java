package dev.verifier.token;

import io.micronaut.runtime.Micronaut;

/** Entry point of token-service. */
public final class TokenServiceApplication {

    private TokenServiceApplication() {
    }

    public static void main(String[] args) {
        // no ASCII-art banner: stdout carries one log line per event (JSON when VERIFIER_LOG_FORMAT=json)
        Micronaut.build(args).mainClass(TokenServiceApplication.class).banner(false).start();
    }
}
