package dev.verifier.shared.api;

import java.util.Optional;

/** Where the registered APIs are looked up: the services' {@code ApiCache}, a map in unit tests. */
public interface ApiLookup {

    /** The API whose identifier is exactly {@code identifier}. */
    Optional<RegisteredApi> byIdentifier(String identifier);

    /** The API that owns scope {@code scope} (OIDC and internal scopes belong to none). */
    Optional<RegisteredApi> byScope(String scope);
}
