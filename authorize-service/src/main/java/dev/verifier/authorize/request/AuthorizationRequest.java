package dev.verifier.authorize.request;

import java.util.List;
import java.util.Set;

import dev.verifier.shared.api.Audience;
import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.core.annotation.Nullable;

/**
 * A fully validated authorization request (response_type is always {@code code}). {@code redirectUriIncluded}: the
 * request carried {@code redirect_uri} (it may be omitted when the client has exactly one registered), so the token
 * request must carry it too (RFC 6749 §4.1.3). {@code acr}: the authentication context class the sign-in gets
 * ({@link AuthenticationContext}); {@code idTokenHintSubject}: the user a valid {@code id_token_hint} names.
 * {@code audience}: the APIs the code's tokens are for (RFC 8707 {@code resource}, or the API owning the scopes) and
 * the issuer for the OIDC scopes.
 */
public record AuthorizationRequest(
        RegisteredClient client,
        String redirectUri,
        List<String> scopes,
        @Nullable String state,
        @Nullable String nonce,
        @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod,
        Set<Prompt> prompts,
        @Nullable Long maxAge,
        @Nullable String loginHint,
        boolean redirectUriIncluded,
        ResponseMode responseMode,
        ClaimsRequest claims,
        String acr,
        @Nullable String idTokenHintSubject,
        Audience audience,
        @Nullable String dpopJkt) {

    public String clientId() {
        return client.clientId();
    }

    public String scope() {
        return String.join(" ", scopes);
    }

    public ClientRedirect target() {
        return new ClientRedirect(client, redirectUri, state, responseMode);
    }

    public boolean prompts(Prompt prompt) {
        return prompts.contains(prompt);
    }
}
