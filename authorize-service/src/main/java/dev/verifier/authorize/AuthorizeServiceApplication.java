package dev.verifier.authorize;

import io.micronaut.runtime.Micronaut;

/** Entry point of authorize-service. */
public final class AuthorizeServiceApplication {

    private AuthorizeServiceApplication() {
    }

    public static void main(String[] args) {
        // no ASCII-art banner: stdout carries one log line per event (JSON when VERIFIER_LOG_FORMAT=json)
        Micronaut.build(args).mainClass(AuthorizeServiceApplication.class).banner(false).start();
    }
}
