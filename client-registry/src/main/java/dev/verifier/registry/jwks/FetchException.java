package dev.verifier.registry.jwks;

/** A JWKS fetch that was refused or failed; the message is safe to store and show to the calling service. */
public class FetchException extends RuntimeException {

    public FetchException(String message) {
        super(message, null, false, false);
    }
}
