package dev.verifier.token.issue;

import java.time.Instant;
import java.util.List;

import dev.verifier.shared.scope.Scopes;
import io.micronaut.core.annotation.Nullable;

/** What goes into an access token. {@code subject} is the user, or the client itself for client_credentials. */
public record AccessTokenRequest(String subject, String clientId, Scopes scope, List<String> audience,
                                 @Nullable Instant authTime) {
}
