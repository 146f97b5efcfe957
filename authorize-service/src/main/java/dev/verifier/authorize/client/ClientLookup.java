package dev.verifier.authorize.client;

import java.util.Optional;

import dev.verifier.shared.client.RegisteredClient;

/** Where authorize-service reads a client from (the registry through a cache). */
public interface ClientLookup {

    Optional<RegisteredClient> find(String clientId);
}
