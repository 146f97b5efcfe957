package dev.verifier.authorize.interaction;

import dev.verifier.authorize.request.AuthorizationParameters;
import java.time.Instant;

import io.micronaut.core.annotation.Nullable;

/**
 * A pending authorization request between pages: the original parameters (validated again on every step), the
 * browser it belongs to (hash of its CSRF token), on the consent page the SSO session it was shown to, and when it
 * expires.
 */
public record Interaction(String id, AuthorizationParameters parameters, String csrfHash,
                          @Nullable String sessionId, Instant expiresAt) {
}
