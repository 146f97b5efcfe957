package dev.verifier.shared.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.verifier.shared.scope.Scopes;

/**
 * Who an access token is for, as {@link AudienceRules} decided it: the registered APIs, the issuer (the audience of the
 * OpenID Connect scopes, so the token works at {@code /userinfo}), the admin audiences of the internal scopes, and the
 * scope the token carries (only scopes of that audience).
 */
public record Audience(List<RegisteredApi> apis, boolean issuer, Set<String> adminAudiences, Scopes scope) {

    public Audience {
        apis = List.copyOf(apis);
        adminAudiences = Set.copyOf(adminAudiences);
    }

    /** The identifiers of the APIs (the RFC 8707 resources granted), in the order they were named. */
    public List<String> resources() {
        return apis.stream().map(RegisteredApi::identifier).toList();
    }

    /** The {@code aud} claim: the issuer first when it is an audience, then the APIs, then the admin audiences. */
    public List<String> aud(String issuerId) {
        List<String> aud = new ArrayList<>();
        if (issuer) {
            aud.add(issuerId);
        }
        aud.addAll(resources());
        adminAudiences.stream().sorted().forEach(aud::add);
        return List.copyOf(aud);
    }

    /**
     * The token's lifetime: the shortest of its audiences' lifetimes, where an API without its own
     * {@code access_token_lifetime}, the issuer and an admin audience each count with {@code defaultLifetime}.
     */
    public Duration lifetime(Duration defaultLifetime) {
        Duration shortest = issuer || !adminAudiences.isEmpty() || apis.isEmpty() ? defaultLifetime : null;
        for (RegisteredApi api : apis) {
            Duration own = api.tokenLifetime().orElse(defaultLifetime);
            shortest = shortest == null || own.compareTo(shortest) < 0 ? own : shortest;
        }
        return shortest;
    }
}
