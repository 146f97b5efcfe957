package dev.verifier.token.grant.family;

import java.util.List;
import java.util.Map;

import dev.verifier.shared.event.CodeIssued;
import io.micronaut.core.annotation.Nullable;

/**
 * What a grant family keeps of the authorization it came from, beyond its columns (client, subject, scope,
 * {@code auth_time}, session): the authentication context and the released claims, for the ID tokens of the grant.
 * token-service's own record, stored by {@link StoredGrants} in {@code grant_family.stored_grant}; the code-issued
 * wire record ({@link CodeIssued}) is mapped to it here and only here ({@link #from(CodeIssued)}), so the event's
 * schema can change without touching grants that live for up to {@code verifier.token.refresh-absolute-lifetime}.
 *
 * @param claims the claims released at the login (already filtered by the granted scopes); a refresh replaces them
 *               with the user's current ones ({@link #withClaims(Map)})
 * @param resources the RFC 8707 resources the authorization granted (registered API identifiers); null for a grant
 *               stored before them (the code's event had none): the APIs owning the grant's scope
 */
public record StoredGrant(@Nullable String acr, List<String> amr, Map<String, Object> claims,
                          @Nullable List<String> resources) {

    public StoredGrant {
        amr = amr == null ? List.of() : List.copyOf(amr);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        resources = resources == null ? null : List.copyOf(resources);
    }

    public StoredGrant(@Nullable String acr, List<String> amr, Map<String, Object> claims) {
        this(acr, amr, claims, null);
    }

    /** The one mapping from the wire record: the grant of a redeemed code (and of a family from before V80). */
    public static StoredGrant from(CodeIssued event) {
        return new StoredGrant(event.acr(), event.amr(), event.claims(), event.resources());
    }

    /** This grant with {@code current} in place of the claims released at the login. */
    public StoredGrant withClaims(Map<String, Object> current) {
        return new StoredGrant(acr, amr, current, resources);
    }
}
