package dev.verifier.registry.api;

import dev.verifier.shared.scope.Scopes;
import dev.verifier.shared.security.AdminScopes;

/**
 * What a scope value may be. Every value is an RFC 6749 §3.3 scope-token (printable ASCII but space, {@code "} and
 * {@code \}) of at most {@value #MAX_LENGTH} characters. The OpenID Connect scopes ({@link Scopes#USER_SCOPES}) and Verifier's
 * internal scopes ({@link AdminScopes#ALL}) are the server's own and belong to no API; every other scope a client
 * holds must belong to a registered API.
 */
public final class ScopeValues {

    /** The length of the {@code api_scope.scope_value} column. */
    public static final int MAX_LENGTH = 128;

    private ScopeValues() {
    }

    /** {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}, at most {@value #MAX_LENGTH} characters. */
    public static boolean isScopeToken(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        return value.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
    }

    /** An OpenID Connect scope: its audience is the issuer, never an API. */
    public static boolean isOidc(String value) {
        return Scopes.USER_SCOPES.contains(value);
    }

    /** Neither an OpenID Connect scope nor an internal one: only a registered API can define it. */
    public static boolean needsApi(String value) {
        return !isOidc(value) && !AdminScopes.isInternal(value);
    }
}
