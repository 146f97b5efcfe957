package dev.verifier.token.issue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.verifier.shared.scope.Scopes;
import io.micronaut.core.annotation.Nullable;

/**
 * What goes into an access token. {@code subject} is the user, or the client itself for client_credentials.
 * {@code lifetime}: the audience's ({@link dev.verifier.shared.api.Audience#lifetime}); null: the configured default.
 */
public record AccessTokenRequest(String subject, String clientId, Scopes scope, List<String> audience,
                                 @Nullable Instant authTime, @Nullable Duration lifetime) {

    public AccessTokenRequest(String subject, String clientId, Scopes scope, List<String> audience,
                              @Nullable Instant authTime) {
        this(subject, clientId, scope, audience, authTime, null);
    }
}
