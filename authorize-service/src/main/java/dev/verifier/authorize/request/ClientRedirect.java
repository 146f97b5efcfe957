package dev.verifier.authorize.request;

import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.core.annotation.Nullable;

/**
 * A known client and a redirect URI validated for it: from here on, errors are sent there, with {@code state} and in
 * {@code responseMode}.
 */
public record ClientRedirect(RegisteredClient client, String redirectUri, @Nullable String state,
                             ResponseMode responseMode) {
}
