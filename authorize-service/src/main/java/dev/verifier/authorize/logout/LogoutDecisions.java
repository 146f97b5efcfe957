package dev.verifier.authorize.logout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.verifier.authorize.client.ClientLookup;
import dev.verifier.authorize.session.SsoSession;
import dev.verifier.authorize.web.RedirectQuery;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Decides what a logout request may do (RP-Initiated Logout 1.0 §2–§3). The client is the hint's audience or
 * {@code client_id} (both given: they must be the same); {@code post_logout_redirect_uri} is used only when it equals
 * one of that client's registered {@code post_logout_redirect_uris}, else the request is refused on the error page
 * (never redirected to a URI nobody registered). The user is asked to confirm unless a valid hint names the user of
 * this browser's session (or there is no session left to end).
 */
@Singleton
class LogoutDecisions {

    /** The outcome: whom to name on the pages, where to go afterwards (with {@code state}), whether to ask first. */
    record Decision(@Nullable RegisteredClient client, @Nullable String redirectUri, @Nullable String state,
                    boolean confirmationNeeded) {

        Optional<String> redirect() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("state", state);
            return Optional.ofNullable(redirectUri).map(uri -> RedirectQuery.append(uri, params));
        }
    }

    private final IdTokenHints hints;
    private final ClientLookup clients;

    LogoutDecisions(IdTokenHints hints, ClientLookup clients) {
        this.hints = hints;
        this.clients = clients;
    }

    Decision decide(LogoutParameters params, Optional<SsoSession> session) {
        Optional<IdTokenHints.Hint> hint = params.idTokenHint() == null
                ? Optional.empty() : hints.verify(params.idTokenHint());
        if (hint.isPresent() && params.clientId() != null && !params.clientId().equals(hint.get().clientId())) {
            throw OAuthError.INVALID_REQUEST.exception("client_id is not the audience of the id_token_hint");
        }
        String clientId = hint.map(IdTokenHints.Hint::clientId).orElse(params.clientId());
        RegisteredClient client = clientId == null ? null : clients.find(clientId).orElse(null);
        String redirectUri = params.postLogoutRedirectUri();
        if (redirectUri != null && !registered(client, redirectUri)) {
            throw OAuthError.INVALID_REQUEST.exception(client == null
                    ? "post_logout_redirect_uri needs an id_token_hint or client_id of a registered client"
                    : "post_logout_redirect_uri is not registered for this client");
        }
        boolean sameUser = hint.isPresent()
                && session.map(s -> s.subject().equals(hint.get().subject())).orElse(true);
        return new Decision(client, redirectUri, params.state(), !sameUser);
    }

    private static boolean registered(@Nullable RegisteredClient client, String redirectUri) {
        if (client == null) {
            return false;
        }
        List<String> registered = client.metadata().postLogoutRedirectUris();
        return registered != null && registered.contains(redirectUri);
    }
}
