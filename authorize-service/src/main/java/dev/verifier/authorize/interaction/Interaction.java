package dev.verifier.authorize.interaction;

import dev.verifier.authorize.authorize.AuthorizationParameters;
import io.micronaut.core.annotation.Nullable;

/**
 * A pending authorization request between pages: the original parameters (validated again on every step), the
 * browser it belongs to (hash of its CSRF token) and, on the consent page, the SSO session it was shown to.
 */
public record Interaction(String id, AuthorizationParameters parameters, String csrfHash,
                          @Nullable String sessionId) {
}
