package dev.verifier.registry.api;

import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;

/**
 * Which registered clients hold a scope in their {@code scope} metadata: the clients an API's scope may not be taken
 * from. Implemented by the client registration ({@code client.ClientScopeUsage}), which depends on this package, not
 * the other way round.
 */
public interface ScopeHolders {

    /**
     * For each of {@code scopes} that a registered client holds, in the order given: the ids of the clients holding it,
     * sorted. Scopes no client holds are left out.
     */
    Map<String, SortedSet<String>> holders(Collection<String> scopes);
}
