package dev.verifier.authorize.request;

import java.util.Map;

import io.micronaut.core.annotation.Nullable;

/**
 * What the browser is shown next: the login page, the consent page, or the response to the client (a redirect, or
 * an auto-submitting form for {@code response_mode=form_post}).
 */
public sealed interface Step {

    /** {@code error}: the message key of what to show above the form (null: nothing). */
    record ShowLogin(AuthorizationRequest request, String interactionId, @Nullable String error) implements Step {
    }

    record ShowConsent(AuthorizationRequest request, String interactionId) implements Step {
    }

    record Redirect(String location) implements Step {
    }

    /** OAuth 2.0 Form Post Response Mode: {@code params} POSTed to {@code action} by the browser. */
    record FormPost(String action, Map<String, String> params) implements Step {
    }
}
