package dev.verifier.authorize.authorize;

import dev.verifier.authorize.interaction.Interaction;
import dev.verifier.authorize.interaction.InteractionService;
import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.ClientRedirect;
import dev.verifier.authorize.web.CsrfTokens;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Takes up a pending request from a login or consent form: the interaction must exist and belong to this browser
 * (CSRF), and its parameters are validated again exactly as at {@code /authorize}.
 */
@Singleton
public class Resumption {

    /** The interaction and its client and redirect URI (validated: later errors may be redirected there). */
    public record Resumed(Interaction interaction, ClientRedirect target) {

        public AuthorizationParameters parameters() {
            return interaction.parameters();
        }
    }

    private final InteractionService interactions;
    private final CsrfTokens csrf;
    private final AuthorizationRequestValidator validator;

    Resumption(InteractionService interactions, CsrfTokens csrf, AuthorizationRequestValidator validator) {
        this.interactions = interactions;
        this.csrf = csrf;
        this.validator = validator;
    }

    public Resumed resume(HttpRequest<?> http, @Nullable String interactionId, @Nullable String csrfToken) {
        Interaction interaction = interactions.find(interactionId).orElseThrow(() -> OAuthError.INVALID_REQUEST
                .exception("This page has expired. Go back to the application and start again."));
        csrf.verify(http, csrfToken, interaction);
        return new Resumed(interaction, validator.target(interaction.parameters()));
    }

    /** The full request again; its {@code OAuthException}s are to be redirected to {@link Resumed#target()}. */
    public AuthorizationRequest request(Resumed resumed) {
        return validator.validate(resumed.parameters(), resumed.target());
    }

    public void finish(Resumed resumed) {
        interactions.finish(resumed.interaction());
    }
}
