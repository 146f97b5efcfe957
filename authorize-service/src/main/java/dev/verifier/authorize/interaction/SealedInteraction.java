package dev.verifier.authorize.interaction;

import java.util.List;
import java.util.Map;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a sealed interaction id carries (see {@link InteractionService}): the request's parameters, the hash of the
 * browser's CSRF token, the hash of the SSO session a consent page was shown to, and the expiry (epoch seconds).
 */
@Serdeable
record SealedInteraction(Map<String, List<String>> parameters, String csrfHash, @Nullable String sessionHash,
                         long expiresAt) {
}
