package dev.verifier.authorize.request;

import io.micronaut.core.annotation.Nullable;

/** What the browser is shown next: the login page, the consent page, or a redirect back to the client. */
public sealed interface Step {

    /** {@code error}: the message key of what to show above the form (null: nothing). */
    record ShowLogin(AuthorizationRequest request, String interactionId, @Nullable String error) implements Step {
    }

    record ShowConsent(AuthorizationRequest request, String interactionId) implements Step {
    }

    record Redirect(String location) implements Step {
    }
}
