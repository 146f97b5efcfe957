package dev.verifier.token.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.verifier.shared.scope.Scopes;
import io.micronaut.core.annotation.Nullable;

/**
 * What goes into an access token. {@code subject} is the user, or the client itself for client_credentials.
 * {@code lifetime}: the audience's ({@link dev.verifier.shared.api.Audience#lifetime}); null: the configured default.
 * {@code jkt}: the DPoP key the token is bound to ({@code cnf.jkt}, RFC 9449 §6.1); null for a bearer token.
 */
public record AccessTokenRequest(String subject, String clientId, Scopes scope, List<String> audience,
                                 @Nullable Instant authTime, @Nullable Duration lifetime, @Nullable String jkt) {

    public AccessTokenRequest(String subject, String clientId, Scopes scope, List<String> audience,
                              @Nullable Instant authTime, @Nullable Duration lifetime) {
        this(subject, clientId, scope, audience, authTime, lifetime, null);
    }

    public AccessTokenRequest(String subject, String clientId, Scopes scope, List<String> audience,
                              @Nullable Instant authTime) {
        this(subject, clientId, scope, audience, authTime, null);
    }
}
