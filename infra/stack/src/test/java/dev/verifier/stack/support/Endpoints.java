package dev.verifier.stack.support;

import java.net.URI;

import dev.verifier.stack.support.VerifierStack.Service;

/** Where a running stack answers, and its bootstrap admin client: what the fixtures need from any topology. */
public interface Endpoints {

    /** The URL clients use for {@code service} (with several copies: their load balancer). */
    URI url(Service service);

    String adminClientId();

    String adminClientSecret();
}
